import Foundation
import Testing

@testable import SwitchboardEngine

/// `serve` with `store.retention`: applied shortly after start and again at every interval (shortened here through
/// the test-only `SWITCHBOARD_TEST_RETENTION_INTERVAL`), logging what went, while it keeps receiving.
@Suite struct ServeRetentionTests {
    @Test func serveRemovesWhatIsOlderThanTheRetentionAgainAndAgain() async throws {
        let directory = try SwitchboardBinary.temporaryDirectory()
        let path = directory.appendingPathComponent("store.sqlite").path
        let store = try SQLiteStore(path: path)
        let now = Date()
        func callback(_ id: String, at date: Date) -> InboundCallback {
            InboundCallback(
                transactionID: id, tagg: "HELP", message: "Where is my order?", encoding: .utf8, taggKnown: true,
                receivedAt: date,
                raw: RawCallbackRequest(
                    method: "POST", target: "/tagga", contentType: nil, remoteAddress: nil, body: []))
        }
        let old = now.addingTimeInterval(-100 * 86_400)
        _ = try await store.insertCallbacks([
            callback("old-1", at: old), callback("old-2", at: old), callback("open", at: now),
        ])
        let config = directory.appendingPathComponent("config.toml")
        try SwitchboardBinary.writeConfig(
            "[store]\nurl = \"sqlite:\(path)\"\nretention = \"90d\"\n[tagga]\ntaggs = [\"HELP\"]\n", to: config)
        let log = directory.appendingPathComponent("serve.log")
        let (serve, _) = try await SwitchboardBinary.startReceiver(
            config: config, log: log, environment: ["SWITCHBOARD_TEST_RETENTION_INTERVAL": "300ms"])
        defer { if serve.isRunning { serve.terminate() } }
        #expect(SwitchboardBinary.contents(log).contains("older than 90d are removed every 300ms"))
        #expect(
            try await SwitchboardBinary.waitFor { SwitchboardBinary.contents(log).contains("removed 2 text(s)") },
            "\(SwitchboardBinary.contents(log))")
        // A text that turns old while it runs goes at the next turn.
        _ = try await store.insertCallbacks([callback("old-3", at: old)])
        #expect(
            try await SwitchboardBinary.waitFor { SwitchboardBinary.contents(log).contains("removed 1 text(s)") },
            "\(SwitchboardBinary.contents(log))")
        #expect(Set(try await store.transactions(.all).map(\.id)) == ["open"])
        serve.terminate()
        await serve.exited()
        #expect(serve.terminationStatus == 0, "\(SwitchboardBinary.contents(log))")
        try await store.close()
    }
}
