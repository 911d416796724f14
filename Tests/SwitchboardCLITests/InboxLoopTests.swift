import Foundation
import Testing

@testable import SwitchboardEngine
@testable import SwitchboardSimulator

/// The inbox with the real binaries: `simulate --callback` → `serve` → `pending --json` → `reply`.
@Suite struct InboxLoopTests {
    @Test func inboundTextsAreReceivedListedAndAnswered() async throws {
        let directory = try SwitchboardBinary.temporaryDirectory()
        let serveLog = directory.appendingPathComponent("serve.log")
        let simulateLog = directory.appendingPathComponent("simulate.log")
        let simConfig = directory.appendingPathComponent("sim.toml")
        let storeConfig = directory.appendingPathComponent("store.toml")
        let config = directory.appendingPathComponent("config.toml")
        let storeSection = "[store]\nurl = \"sqlite:\(directory.appendingPathComponent("store.sqlite").path)\"\n"
        try SwitchboardBinary.writeConfig(storeSection, to: storeConfig)

        // 1. serve on a free port.
        let (serve, port) = try await SwitchboardBinary.startReceiver(config: storeConfig, log: serveLog)
        defer { if serve.isRunning { serve.terminate() } }

        // 2. The simulator posts three texts to serve, and writes the provider half of the configuration.
        let simulator = try SwitchboardBinary.start(
            [
                "simulate", "--port", "0", "--write-config", simConfig.path, "--callback",
                "http://127.0.0.1:\(port)/tagga", "--rate", "50", "--count", "3",
            ], output: simulateLog)
        defer { if simulator.isRunning { simulator.terminate() } }
        #expect(try await SwitchboardBinary.waitFor { SwitchboardBinary.contents(simulateLog).contains("Ctrl-C") })
        try SwitchboardBinary.writeConfig(SwitchboardBinary.contents(simConfig) + "\n" + storeSection, to: config)

        // 3. pending --json shows them, deadline first.
        var pending: [[String: Any]] = []
        var listed = false
        let giveUp = ContinuousClock.now + .seconds(20)
        while !listed, ContinuousClock.now < giveUp {
            let result = try? await SwitchboardBinary.run(["pending", "--config", config.path, "--json"])
            let parsed = result.flatMap { try? JSONSerialization.jsonObject(with: Data($0.stdout.utf8)) }
            pending = parsed as? [[String: Any]] ?? []
            listed = pending.count == 3
            if !listed { try await Task.sleep(for: .milliseconds(100)) }
        }
        #expect(listed, "three texts listed")
        let seconds = pending.compactMap { $0["seconds_left"] as? Int }
        #expect(seconds == seconds.sorted(), "deadline first")
        #expect(seconds.allSatisfy { $0 > 1700 && $0 <= 1800 })

        // 4. reply: Tagga (the simulator) accepts it, and the text leaves the pending list.
        let id = try #require(pending.first?["id"] as? String)
        let reply = try await SwitchboardBinary.run(["reply", id, "--config", config.path, "--message", "On its way"])
        #expect(reply.status == 0, "\(reply.stderr)")
        #expect(reply.stdout.contains("replied"))
        #expect(SwitchboardBinary.contents(simulateLog).contains("tagga reply to \(id): 0 Success"))
        let again = try await SwitchboardBinary.run(["reply", id, "--config", config.path, "--message", "Twice?"])
        #expect(again.status == 1)
        #expect(again.stderr.contains("code 19 equivalent"))
        let after = try await SwitchboardBinary.run(["pending", "--config", config.path, "--json"])
        let remaining = try JSONSerialization.jsonObject(with: Data(after.stdout.utf8)) as? [[String: Any]]
        #expect(remaining?.count == 2)

        // 5. export has all three, the answered one with its journal.
        let export = try await SwitchboardBinary.run(["export", "--config", config.path])
        let lines = export.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        let answered = try lines.compactMap {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }.first { $0["id"] as? String == id }
        #expect(answered?["reply"] as? String == "On its way")
        #expect((answered?["journal"] as? [[String: Any]])?.first?["return_code"] as? Int == 0)

        // 6. serve stops gracefully on SIGTERM.
        serve.terminate()
        await serve.exited()
        #expect(serve.terminationStatus == 0)
        #expect(SwitchboardBinary.contents(serveLog).contains("stopped"))
        simulator.interrupt()
        await simulator.exited()
    }
}
