import Foundation
import Testing

@testable import SwitchboardEngine
@testable import SwitchboardSimulator

/// Two `switchboard reply` processes on one store and one text: exactly one POST reaches Tagga.
@Suite struct ReplyRaceTests {
    @Test func twoProcessesRacingSendOneReply() async throws {
        let directory = try SwitchboardBinary.temporaryDirectory()
        let storePath = directory.appendingPathComponent("store.sqlite").path
        let simulator = ProviderSimulator()
        let baseURL = try await simulator.start()
        // Slow answers keep the first claim in flight while the second process tries.
        simulator.faults.setPlan(
            {
                var plan = FaultPlan()
                plan.latency = .milliseconds(800)
                return plan
            }())
        simulator.tagga.openTransaction(id: "race-1", tagg: "HELP", from: "+18397536474", message: "hi")
        let store = try SQLiteStore(path: storePath)
        let callback = InboundCallback(
            transactionID: "race-1", tagg: "HELP", message: "hi", encoding: .utf8, taggKnown: true,
            receivedAt: Date(),
            raw: RawCallbackRequest(method: "POST", target: "/tagga", contentType: nil, remoteAddress: nil, body: []))
        _ = try await store.insertCallbacks([callback])
        try await store.close()

        let config = directory.appendingPathComponent("config.toml")
        try SwitchboardBinary.writeConfig(
            """
            [store]
            url = "sqlite:\(storePath)"
            [tagga]
            base_url = "\(baseURL)"
            apikey = "sim-apikey"
            passkey = "sim-passkey"
            taggs = ["HELP"]
            """, to: config)

        let results = try await withThrowingTaskGroup(of: SwitchboardBinary.Result.self) { group in
            for text in ["from A", "from B"] {
                group.addTask {
                    try SwitchboardBinary.run(["reply", "race-1", "--config", config.path, "--message", text])
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        await simulator.stop()

        #expect(simulator.requests(to: "/api/response/").count == 1, "exactly one POST")
        #expect(results.map(\.status).sorted() == [0, 1])
        let loser = try #require(results.first { $0.status == 1 })
        #expect(loser.stderr.contains("code 19 equivalent"), "\(loser.stderr)")
        #expect(loser.stderr.contains("being sent") || loser.stderr.contains("already been replied"))
        #expect(simulator.tagga.acceptedReplies.count == 1)
    }
}
