import Foundation
import Testing

/// The README's first steps with the real binaries: `simulate` in one process, `send` from another.
@Suite struct SimulateAndSendTests {
    @Test func sendThroughTheSimulator() async throws {
        let directory = try SwitchboardBinary.temporaryDirectory()
        let config = directory.appendingPathComponent("sim.toml")
        let log = directory.appendingPathComponent("simulate.log")
        let simulator = try SwitchboardBinary.start(
            ["simulate", "--port", "0", "--write-config", config.path, "--block", "+14155550123"], output: log)
        defer { if simulator.isRunning { simulator.terminate() } }
        let ready = try await SwitchboardBinary.waitFor {
            (try? String(contentsOf: log, encoding: .utf8))?.contains("Ctrl-C stops it.") ?? false
        }
        #expect(ready, "simulate printed where it listens")

        let sent = try await SwitchboardBinary.run(
            ["send", "--config", config.path, "--to", "+1 (839) 753-6474", "--body", "Your table is ready"])
        #expect(sent.status == 0, "\(sent.stderr)")
        #expect(sent.stdout.contains("sent"))

        let json = try await SwitchboardBinary.run(
            ["send", "--config", config.path, "--to", "+18397536474", "--body", "日本語", "--json"])
        #expect(json.status == 0)
        let document = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(document?["state"] as? String == "sent")
        #expect(document?["encoding"] as? String == "ucs2")

        let invalid = try await SwitchboardBinary.run(
            [
                "send", "--config", config.path, "--to", "0044 20 7946", "--body", "hi", "--sender",
                "Way too long sender",
            ])
        #expect(invalid.status == 2)
        #expect(invalid.stderr.contains("to:"))
        #expect(invalid.stderr.contains("sender:"))
        #expect(invalid.stderr.contains("nothing was sent"))

        let rejected = try await SwitchboardBinary.run(
            ["send", "--config", config.path, "--to", "+18397536474", "--body", "hi"],
            environment: ["SWITCHBOARD_TAGGET_TOKEN": "wrong-token"])
        #expect(rejected.status == 1)
        #expect(rejected.stderr.contains("invalid id or token"), "the provider's message is shown")

        simulator.interrupt()
        await simulator.exited()
        #expect(simulator.terminationStatus == 0)
    }
}
