import Foundation
import SwitchboardTestSupport
import Testing

@testable import SwitchboardEngine
@testable import SwitchboardSimulator

/// `switchboard reply` processes racing on one store and one text: exactly one POST reaches Tagga. Two on SQLite
/// (one machine), eight on PostgreSQL (the shared store of several operators).
@Suite struct ReplyRaceTests {
    enum Backend: String, CaseIterable, Sendable {
        case sqlite, postgres

        /// How many processes race.
        var racers: Int { self == .sqlite ? 2 : 8 }
    }

    static var backends: [Backend] { TestPostgres.skipped ? [.sqlite] : Backend.allCases }

    @Test(arguments: backends)
    func processesRacingSendOneReply(_ backend: Backend) async throws {
        let directory = try SwitchboardBinary.temporaryDirectory()
        let storeURL: String
        let store: any Store
        switch backend {
        case .sqlite:
            let path = directory.appendingPathComponent("store.sqlite").path
            storeURL = "sqlite:\(path)"
            store = try SQLiteStore(path: path)
        case .postgres:
            storeURL = try await TestPostgres.shared.freshDatabaseURL()
            store = try await PostgresStore.open(url: storeURL)
        }
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
        let callback = InboundCallback(
            transactionID: "race-1", tagg: "HELP", message: "hi", encoding: .utf8, taggKnown: true,
            receivedAt: Date(),
            raw: RawCallbackRequest(method: "POST", target: "/tagga", contentType: nil, remoteAddress: nil, body: []))
        _ = try await store.insertCallbacks([callback])
        try await store.close()

        let config = directory.appendingPathComponent("config.toml")
        try SwitchboardBinary.writeConfig(
            SwitchboardBinary.simulatorConfig(storeURL: storeURL, baseURL: baseURL), to: config)

        // Every process starts before any is waited for, so they really race (a blocking run per task would let the
        // thread pool, two threads here, run them two by two).
        let racers = try (0..<backend.racers).map { index in
            let output = directory.appendingPathComponent("reply-\(index).log")
            let process = try SwitchboardBinary.start(
                ["reply", "race-1", "--config", config.path, "--message", "from operator \(index)"], output: output)
            return (process, output)
        }
        var results: [(status: Int32, output: String)] = []
        for (process, output) in racers {
            await process.exited()
            results.append((status: process.terminationStatus, output: SwitchboardBinary.contents(output)))
        }
        await simulator.stop()

        #expect(simulator.requests(to: "/api/response/").count == 1, "exactly one POST")
        #expect(results.map(\.status).sorted() == [0] + Array(repeating: 1, count: backend.racers - 1))
        for loser in results where loser.status == 1 {
            #expect(loser.output.contains("code 19 equivalent"), "\(loser.output)")
            #expect(loser.output.contains("being sent") || loser.output.contains("already been replied"))
        }
        #expect(simulator.tagga.acceptedReplies.count == 1)
    }
}
