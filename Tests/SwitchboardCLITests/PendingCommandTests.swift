import Foundation
import Testing

@testable import SwitchboardEngine

/// `switchboard pending` on a store several operators share: who is writing a reply to what, and who is sending one.
@Suite struct PendingCommandTests {
    @Test func pendingSaysWhoIsWritingAndWhoIsSending() async throws {
        let directory = try SwitchboardBinary.temporaryDirectory()
        let path = directory.appendingPathComponent("store.sqlite").path
        let store = try SQLiteStore(path: path)
        let now = Date()
        for (id, age) in [("t-1", 300.0), ("t-2", 200.0), ("t-3", 100.0)] {
            _ = try await store.insertCallbacks([
                InboundCallback(
                    transactionID: id, tagg: "HELP", message: "Where is my order?", encoding: .utf8, taggKnown: true,
                    receivedAt: now.addingTimeInterval(-age),
                    raw: RawCallbackRequest(
                        method: "POST", target: "/tagga", contentType: nil, remoteAddress: nil, body: []))
            ])
        }
        try await store.markComposing(
            consoleID: "c1", transactionID: "t-1", operatorName: "alice\u{1B}[2J", now: now, ttl: .seconds(60))
        try await store.markComposing(
            consoleID: "c2", transactionID: "t-1", operatorName: "eve", now: now, ttl: .seconds(60))
        try await store.markComposing(
            consoleID: "c3", transactionID: "t-3", operatorName: "gone", now: now.addingTimeInterval(-120),
            ttl: .seconds(60))
        _ = try await store.claim(transactionID: "t-2", operatorName: "bob", now: now, lease: .seconds(180))
        try await store.close()
        let config = directory.appendingPathComponent("config.toml")
        try SwitchboardBinary.writeConfig("[store]\nurl = \"sqlite:\(path)\"\n", to: config)

        let table = try await SwitchboardBinary.run(["pending", "--config", config.path])
        #expect(table.status == 0, "\(table.stderr)")
        let lines = table.stdout.split(separator: "\n")
        #expect(lines.first { $0.contains("t-1") }?.contains("✎ alice␛[2J +1") == true, "\(table.stdout)")
        #expect(lines.first { $0.contains("t-2") }?.contains("replying · bob") == true, "\(table.stdout)")
        #expect(lines.first { $0.contains("t-3") }?.contains("pending") == true, "a lapsed mark is not shown")
        #expect(!table.stdout.contains("\u{1B}"), "names are shown inert")

        let json = try await SwitchboardBinary.run(["pending", "--config", config.path, "--json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(rows.first { $0["id"] as? String == "t-1" }?["composing_by"] as? [String] == ["alice\u{1B}[2J", "eve"])
        #expect(rows.first { $0["id"] as? String == "t-2" }?["claimed_by"] as? String == "bob")
        #expect(rows.first { $0["id"] as? String == "t-3" }?["composing_by"] == nil)
    }
}
