import Foundation
import Testing

@testable import SwitchboardEngine

/// Soft locks (who is writing a reply to what), on both stores: one mark per console, renewed, replaced, cleared,
/// lapsing when not renewed, and seen by another store object (another process) as a change of the texts concerned.
@Suite struct StoreComposingMarkTests {
    let clock = ManualWallClock()

    @Test(arguments: StoreKind.tested) func oneMarkPerConsoleRenewedReplacedAndCleared(kind: StoreKind) async throws {
        let store = try await kind.makeStore()
        let start = clock.now()
        try await store.markComposing(
            consoleID: "console-a", transactionID: "100", operatorName: "alice", now: start, ttl: .seconds(60))
        try await store.markComposing(
            consoleID: "console-b", transactionID: "100", operatorName: "bob", now: start.addingTimeInterval(1),
            ttl: .seconds(60))
        var marks = try await store.composingMarks(now: start.addingTimeInterval(2))
        #expect(marks.map(\.operatorName) == ["alice", "bob"], "oldest first, both on the same text")
        #expect(marks.first?.until == start.addingTimeInterval(60))

        // Renewed: the same text keeps its start, the end moves.
        try await store.markComposing(
            consoleID: "console-a", transactionID: "100", operatorName: "alice", now: start.addingTimeInterval(30),
            ttl: .seconds(60))
        marks = try await store.composingMarks(now: start.addingTimeInterval(70))
        #expect(marks.map(\.operatorName) == ["alice"], "bob's mark lapsed; alice's was renewed")
        #expect(marks.first?.since == start)
        #expect(marks.first?.until == start.addingTimeInterval(90))

        // Another text replaces the console's mark and starts again.
        try await store.markComposing(
            consoleID: "console-a", transactionID: "200", operatorName: "alice", now: start.addingTimeInterval(40),
            ttl: .seconds(60))
        marks = try await store.composingMarks(now: start.addingTimeInterval(41))
        #expect(marks.map(\.transactionID).sorted() == ["100", "200"])
        #expect(marks.first { $0.consoleID == "console-a" }?.transactionID == "200")
        #expect(marks.first { $0.consoleID == "console-a" }?.since == start.addingTimeInterval(40))

        try await store.markComposing(
            consoleID: "console-a", transactionID: nil, operatorName: "alice", now: start.addingTimeInterval(42),
            ttl: .seconds(60))
        marks = try await store.composingMarks(now: start.addingTimeInterval(43))
        #expect(marks.map(\.consoleID) == ["console-b"], "cleared; bob's (still live at 43 s) stays")
        try await store.close()
    }

    @Test(arguments: StoreKind.tested) func anotherProcessSeesTheMarkAsAChangeOfTheText(kind: StoreKind) async throws {
        var pair = try await kind.freshLocation().watchedPair()
        let now = Date()
        try await pair.writer.markComposing(
            consoleID: "console-a", transactionID: "100", operatorName: "alice", now: now, ttl: .seconds(60))
        let seen = await pair.localChanges(until: .updated("100"))
        #expect(seen.contains(.updated("100")), "\(seen)")
        #expect(await pair.external.next() == (kind == .sqlite ? .external : .updated("100")))
        #expect(try await pair.reader.composingMarks(now: now).map(\.operatorName) == ["alice"])

        // Moving to another text tells the others about both.
        try await pair.writer.markComposing(
            consoleID: "console-a", transactionID: "200", operatorName: "alice", now: now, ttl: .seconds(60))
        if kind == .postgres {
            #expect(await pair.external.next() == .updated("100"))
            #expect(await pair.external.next() == .updated("200"))
        }
        try await pair.close()
    }
}
