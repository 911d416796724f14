import Foundation
import PostgresNIO
import SwitchboardTestSupport
import Testing

@testable import SwitchboardEngine

/// The change cursor on every store: a reader asks for what changed since its last read and gets that (never less),
/// also when the change came from another process or arrived while its notifications were lost.
@Suite struct StoreChangeCursorTests {
    let clock = ManualWallClock()
    let window = ReplyWindow()

    @Test(arguments: StoreKind.tested) func changesSinceACursorAreWhatChanged(kind: StoreKind) async throws {
        let store = try await kind.makeStore()
        let now = clock.now()
        let since = now.addingTimeInterval(-3600)
        _ = try await store.insertCallbacks(["a", "b", "c"].map { StoreFixture.callback($0, at: now) })
        let snapshot = try await store.inboxSnapshot(receivedSince: since)
        #expect(snapshot.transactions.map(\.id) == ["a", "b", "c"])
        #expect(snapshot.counts[.pending] == 3)

        _ = try await store.insertCallbacks([StoreFixture.callback("d", at: now)])
        guard
            case .claimed = try await store.claim(
                transactionID: "b", operatorName: "ana", now: now, lease: .seconds(60))
        else { throw StoreTestFailure("no claim") }
        let changes = try await store.inboxChanges(since: snapshot.cursor, receivedSince: since)
        let changed = Set(changes.transactions.map(\.id))
        #expect(changed.isSuperset(of: ["b", "d"]))
        if kind == .sqlite { #expect(changed == ["b", "d"], "SQLite's cursor is exact") }
        #expect(changes.transactions.first { $0.id == "b" }?.state == .replying)
        #expect(changes.counts[.pending] == 3 && changes.counts[.replying] == 1)

        // A soft lock is a change of the text it names.
        try await store.markComposing(
            consoleID: "console-1", transactionID: "c", operatorName: "bob", now: now, ttl: .seconds(60))
        let marked = try await store.inboxChanges(since: changes.cursor, receivedSince: since)
        #expect(marked.transactions.map(\.id).contains("c"))
        if kind == .sqlite {
            #expect(marked.transactions.map(\.id) == ["c"])
            let none = try await store.inboxChanges(since: marked.cursor, receivedSince: since)
            #expect(none.transactions.isEmpty && none.cursor == marked.cursor)
        }
        // Texts older than asked are left out.
        _ = try await store.insertCallbacks([StoreFixture.callback("old", at: now.addingTimeInterval(-7200))])
        let recent = try await store.inboxChanges(since: marked.cursor, receivedSince: since)
        #expect(!recent.transactions.map(\.id).contains("old"))
        try await store.close()
    }

    @Test(arguments: StoreKind.tested) func everyStepOfAReplyMovesTheText(kind: StoreKind) async throws {
        let store = try await kind.makeStore()
        let now = clock.now()
        let since = now.addingTimeInterval(-3600)
        _ = try await store.insertCallbacks([StoreFixture.callback("r", at: now)])
        var cursor = try await store.inboxSnapshot(receivedSince: since).cursor
        func changedNow() async throws -> Bool {
            let changes = try await store.inboxChanges(since: cursor, receivedSince: since)
            cursor = changes.cursor
            return changes.transactions.contains { $0.id == "r" }
        }
        guard
            case .claimed(let claim) = try await store.claim(
                transactionID: "r", operatorName: "ana", now: now, lease: .seconds(60))
        else { throw StoreTestFailure("no claim") }
        #expect(try await changedNow(), "claim")
        let attempt = try await store.beginAttempt(
            NewReplyAttempt(
                transactionID: "r", token: claim.token, operatorName: "ana", message: "hi", paid: false,
                requestBody: "x", startedAt: now, leaseUntil: now.addingTimeInterval(60)))
        #expect(try await changedNow(), "attempt")
        try await store.finishAttempt(
            id: attempt,
            outcome: .answered(
                TaggaResponse(transactionID: "r", returnCode: TaggaReturnCode(code: 0), message: nil), rawBody: "<x/>"),
            at: now)
        #expect(try await changedNow(), "outcome")
        try await store.release(
            transactionID: "r", token: claim.token, resolution: .replied, replyMessage: "hi", at: now)
        #expect(try await changedNow(), "release")
        #expect(try await store.inboxCounts()[.replied] == 1)
        try await store.close()
    }

    @Test(arguments: StoreKind.tested) func anotherProcessesChangesAreReadFromTheCursor(kind: StoreKind) async throws {
        var pair = try await kind.freshLocation().watchedPair()
        let now = clock.now()
        let since = now.addingTimeInterval(-3600)
        let start = try await pair.reader.inboxSnapshot(receivedSince: since)
        _ = try await pair.writer.insertCallbacks([StoreFixture.callback("far", at: now)])
        // The reader only hears "something changed" (or the ids); the cursor says what.
        #expect(await pair.external.next() != nil, "the reader heard of the change")
        let changes = try await pair.reader.inboxChanges(since: start.cursor, receivedSince: since)
        #expect(changes.transactions.map(\.id).contains("far"))
        try await pair.close()
    }

    @Test(arguments: StoreKind.tested) func countersEqualARecountAfterARandomMixOfWrites(kind: StoreKind) async throws {
        let store = try await kind.makeStore()
        var generator = SeededGenerator(seed: 12)
        let now = clock.now()
        var ids: [String] = []
        for batch in 0..<6 {
            let fresh = (0..<Int.random(in: 1...8, using: &generator)).map { "t\(batch)-\($0)" }
            // Some resent: a duplicate must not count twice.
            let resent = ids.shuffled(using: &generator).prefix(2)
            _ = try await store.insertCallbacks((fresh + resent).map { StoreFixture.callback($0, at: now) })
            ids += fresh
            for id in ids.shuffled(using: &generator).prefix(3) {
                guard
                    case .claimed(let claim) = try await store.claim(
                        transactionID: id, operatorName: "ana", now: now, lease: .seconds(60))
                else { continue }
                let code = [0, 5, 19, 20].randomElement(using: &generator)!
                let attempt = try await store.beginAttempt(
                    NewReplyAttempt(
                        transactionID: id, token: claim.token, operatorName: "ana", message: "m", paid: false,
                        requestBody: "b", startedAt: now, leaseUntil: now.addingTimeInterval(60)))
                if Bool.random(using: &generator) {
                    try await store.finishAttempt(
                        id: attempt,
                        outcome: .answered(
                            TaggaResponse(transactionID: id, returnCode: TaggaReturnCode(code: code), message: nil),
                            rawBody: "<x/>"), at: now)
                }
                let resolution: TaggaReplyResolution = [.replied, .rejected, .unknown].randomElement(
                    using: &generator)!
                if Bool.random(using: &generator) {
                    try await store.release(
                        transactionID: id, token: claim.token, resolution: resolution, replyMessage: "m", at: now)
                }
            }
        }
        let rows = try await store.transactions(.all)
        var byState: [TransactionState: Int] = [:]
        for row in rows { byState[row.state, default: 0] += 1 }
        #expect(try await store.inboxCounts() == InboxCounts(byState: byState))
        var byCode: [String: Int] = [:]
        for entry in try await store.allJournalEntries() {
            byCode[entry.returnCode.map(String.init) ?? "unknown", default: 0] += 1
        }
        #expect(try await store.statistics(now: now, window: window).repliesByReturnCode == byCode)
        try await store.close()
    }
}

/// A failed precondition of a store test.
struct StoreTestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
