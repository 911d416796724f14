import Foundation
import Testing

/// `broadcast` with the real binaries: a dry run, a run, and a SIGKILL mid-broadcast followed by `--resume`, with the
/// simulator (another process) as the judge of what was texted.
@Suite struct BroadcastCrashTests {
    /// A running `simulate` and a configuration pointing at it with a store of its own.
    struct Simulator {
        let directory: URL
        let config: URL
        let log: URL
        let process: Process

        static func start(latency: String = "0ms") async throws -> Simulator {
            let directory = try SwitchboardBinary.temporaryDirectory()
            let config = directory.appendingPathComponent("sim.toml")
            let log = directory.appendingPathComponent("simulate.log")
            let process = try SwitchboardBinary.start(
                ["simulate", "--port", "0", "--write-config", config.path, "--latency", latency], output: log)
            let ready = try await SwitchboardBinary.waitFor {
                SwitchboardBinary.contents(log).contains("Ctrl-C stops it.")
            }
            #expect(ready, "simulate printed where it listens")
            let store = "\n[store]\nurl = \"sqlite:\(directory.appendingPathComponent("store.sqlite").path)\"\n"
            try SwitchboardBinary.writeConfig(SwitchboardBinary.contents(config) + store, to: config)
            return Simulator(directory: directory, config: config, log: log, process: process)
        }

        /// How many times the simulator acted on a send to each number.
        var sends: [String: Int] {
            var counts: [String: Int] = [:]
            for line in SwitchboardBinary.contents(log).split(separator: "\n") {
                guard let match = line.firstMatch(of: /tagget send to (\+\d+): HTTP 200/) else { continue }
                counts[String(match.output.1), default: 0] += 1
            }
            return counts
        }

        func stop() {
            process.interrupt()
            process.waitUntilExit()
        }
    }

    static func numbers(_ count: Int, in directory: URL) throws -> URL {
        let file = directory.appendingPathComponent("numbers.txt")
        let lines = (0..<count).map { "+1555" + String(format: "%07d", 2_000_000 + $0) }
        try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test func aDryRunSendsNothingAndNamesTheBadLines() async throws {
        let simulator = try await Simulator.start()
        defer { simulator.stop() }
        let file = simulator.directory.appendingPathComponent("people.csv")
        try "name,phone\nAnn,+18397536474 \nBob,+195848757465\nZed,12345\nAnn again,+1 839 753 6474\n".write(
            to: file, atomically: true, encoding: .utf8)
        let result = try await SwitchboardBinary.run(
            [
                "broadcast", "--config", simulator.config.path, "--recipients", file.path, "--body",
                "Hi {name}, we open at 9", "--dry-run", "--json",
            ])
        #expect(result.status == 0, "\(result.stderr)")
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(document["recipients"] as? Int == 2)
        #expect(document["duplicates"] as? Int == 1)
        let invalid = try #require(document["invalid"] as? [[String: Any]])
        #expect(invalid.first?["line"] as? Int == 4)
        #expect((document["preview"] as? [String: Any])?["body"] as? String == "Hi Ann, we open at 9")
        #expect(simulator.sends.isEmpty, "a dry run sends nothing")
    }

    @Test func killedMidBroadcastThenResumedTextsNobodyTwice() async throws {
        let simulator = try await Simulator.start(latency: "20ms")
        defer { simulator.stop() }
        let count = 150
        let file = try Self.numbers(count, in: simulator.directory)
        let log = simulator.directory.appendingPathComponent("broadcast.log")
        // 20 a second: 7.5 s in all, so the kill after 40 comes mid-broadcast even when the tests running beside
        // this one (a million-text store being filled) slow the polling down.
        let broadcast = try SwitchboardBinary.start(
            [
                "broadcast", "--config", simulator.config.path, "--recipients", file.path, "--body",
                "We open at 9 tomorrow", "--rate", "20", "--concurrency", "4", "--yes",
            ], output: log)
        let started = try await SwitchboardBinary.waitFor { simulator.sends.count >= 40 }
        #expect(started, "\(SwitchboardBinary.contents(log))")
        kill(broadcast.processIdentifier, SIGKILL)
        await broadcast.exited()
        let firstLine = SwitchboardBinary.contents(log).split(separator: "\n").first.map(String.init) ?? ""
        let id = try #require(firstLine.firstMatch(of: /^campaign (c-[a-z0-9]+)$/)?.output.1, "\(firstLine)")
        let sentBeforeTheCrash = simulator.sends.count
        #expect(sentBeforeTheCrash < count, "the kill came mid-broadcast")

        let resumed = try await SwitchboardBinary.run(
            ["broadcast", "--config", simulator.config.path, "--resume", String(id), "--json"])
        #expect(resumed.stderr.hasPrefix("campaign \(id)\n"), "\(resumed.stderr)")
        let document = try #require(
            try? JSONSerialization.jsonObject(with: Data(resumed.stdout.utf8)) as? [String: Any],
            "\(resumed.stdout) \(resumed.stderr)")
        let counts = try #require(document["counts"] as? [String: Int])
        let interrupted = try #require(document["interrupted"] as? Int)
        #expect(counts["queued"] == 0 && counts["sending"] == 0, "every recipient ends in a final state: \(counts)")
        #expect(counts["unknown"] == interrupted, "the unknown ones are those in flight at the kill")
        #expect(interrupted <= 4, "at most one per sender was in flight")
        #expect((counts["sent"] ?? 0) + interrupted == count)
        #expect(resumed.status == (interrupted == 0 ? 0 : 1))

        // The judge: the simulator acted on every number at most once, and on every sent one exactly once.
        let sends = simulator.sends
        #expect(sends.values.allSatisfy { $0 == 1 }, "\(sends.filter { $0.value > 1 })")
        let export = try await SwitchboardBinary.run(
            ["export", "--config", simulator.config.path, "--campaign", String(id), "--format", "jsonl"])
        #expect(export.status == 0, "\(export.stderr)")
        let rows = export.stdout.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        #expect(rows.count == count)
        for row in rows {
            let phone = row["phone"] as? String ?? ""
            switch row["state"] as? String {
            case "sent": #expect(sends[phone] == 1, "\(phone) sent once")
            case "unknown": #expect((sends[phone] ?? 0) <= 1, "\(phone) at most once")
            default: Issue.record("\(phone) ended \(row["state"] ?? "?")")
            }
        }
        let unknownReported = document["not_sent"] as? [[String: Any]] ?? []
        #expect(unknownReported.count == interrupted, "the unknown ones are listed")
    }
}
