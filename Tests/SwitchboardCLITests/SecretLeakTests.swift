import AsyncHTTPClient
import Foundation
import Testing

@testable import SwitchboardEngine
@testable import SwitchboardSimulator

/// Known secrets go into the configuration and the environment; every command that reads them is run with them (the
/// console in tmux too, and the receiver made to crash), and none of them appears in any output, screen, log file,
/// export, crash report or the store itself. (`demo` and `simulate` read no configuration: their keys are the fake
/// providers' own.)
@Suite struct SecretLeakTests {
    static let apikey = "SECRET-APIKEY-7f3a91"
    static let passkey = "SECRET-PASSKEY-2b8c44"
    static let taggetID: Int64 = 918_273_645
    static let token = "SECRET-TOKEN-5d1e07"
    static let pathSecret = "SECRET-PATH-9c2f66"
    static let storePassword = "SECRET-PGPASS-3a7b10"
    static var secrets: [String] {
        [apikey, passkey, String(taggetID), token, pathSecret, storePassword, "SECRET-"]
    }

    /// What was seen, by where it was seen.
    final class Findings {
        var places: [(String, String)] = []
        func add(_ place: String, _ text: String) { places.append((place, text)) }
        func add(_ place: String, _ result: SwitchboardBinary.Result) {
            add("\(place) stdout", result.stdout)
            add("\(place) stderr", result.stderr)
        }
        /// Every file below `directory`, as bytes read as text (a store file too).
        func addFiles(below directory: URL) {
            let files = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)
            while let file = files?.nextObject() as? URL {
                guard let data = try? Data(contentsOf: file) else { continue }
                add(file.path, String(decoding: data, as: UTF8.self))
            }
        }
        var leaks: [String] {
            places.flatMap { place, text in
                SecretLeakTests.secrets.filter { text.contains($0) }.map { "\($0) in \(place)" }
            }
        }
    }

    @Test func noCommandShowsLogsExportsOrStoresASecret() async throws {
        let directory = try SwitchboardBinary.temporaryDirectory()
        let work = directory.appendingPathComponent("work")
        let state = directory.appendingPathComponent("state")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        var settings = SimulatorSettings()
        settings.taggaApikey = Self.apikey
        settings.taggaPasskey = Self.passkey
        settings.taggetID = Self.taggetID
        settings.taggetToken = Self.token
        let simulator = ProviderSimulator(settings: settings)
        let baseURL = try await simulator.start()
        defer { Task { await simulator.stop() } }
        let store = work.appendingPathComponent("store.sqlite").path
        let config = directory.appendingPathComponent("config.toml")
        try SwitchboardBinary.writeConfig(
            """
            [store]
            url = "sqlite:\(store)"
            [receiver]
            secret = "\(Self.pathSecret)"
            [tagga]
            base_url = "\(baseURL)"
            apikey = "\(Self.apikey)"
            passkey = "\(Self.passkey)"
            taggs = ["HELP"]
            [tagget]
            base_url = "\(baseURL)"
            id = \(Self.taggetID)
            token = "\(Self.token)"
            sender = "Shop"
            """, to: config)
        let environment = ["XDG_STATE_HOME": state.path]
        let findings = Findings()
        func run(_ arguments: [String], extra: [String: String] = [:]) async throws -> SwitchboardBinary.Result {
            let result = try await SwitchboardBinary.run(
                arguments, environment: environment.merging(extra) { $1 })
            findings.add(arguments.prefix(2).joined(separator: " "), result)
            return result
        }

        // The configuration, shown and checked.
        #expect(try await run(["config", "check", "--config", config.path]).status == 0)
        // A configuration with a secret in the wrong place, and a store password in an unreachable URL.
        let broken = directory.appendingPathComponent("broken.toml")
        try SwitchboardBinary.writeConfig(
            """
            [store]
            url = "postgres://switchboard:\(Self.storePassword)@127.0.0.1:1/inbox"
            [tagga]
            apikey = ["\(Self.apikey)"]
            passkey = "\(Self.passkey)"
            """, to: broken)
        #expect(try await run(["config", "check", "--config", broken.path]).status != 0)
        try SwitchboardBinary.writeConfig(
            "[store]\nurl = \"postgres://switchboard:\(Self.storePassword)@127.0.0.1:1/inbox\"\n", to: broken)
        #expect(try await run(["pending", "--config", broken.path]).status != 0)

        // The receiver, with the secrets also in the environment: a callback on the secret path, a wrong path,
        // /healthz and /metrics; then it crashes, and its crash report is read too.
        let serveLog = directory.appendingPathComponent("serve.out")
        let (serve, port) = try await SwitchboardBinary.startReceiver(
            config: config, log: serveLog,
            environment: environment.merging([
                "SWITCHBOARD_TAGGA_APIKEY": Self.apikey, "SWITCHBOARD_TAGGA_PASSKEY": Self.passkey,
                "SWITCHBOARD_TAGGET_TOKEN": Self.token, "SWITCHBOARD_TAGGET_ID": String(Self.taggetID),
            ]) { $1 })
        defer { if serve.isRunning { serve.terminate() } }
        let client = ProviderHTTPClient.makeClient()
        let http = ProviderHTTPClient(client: client)
        for (path, body) in [
            ("/tagga/\(Self.pathSecret)", "transaction_id=leak-1&tagg=HELP&message=Where+is+my+order%3F"),
            ("/tagga/\(Self.pathSecret)x", "transaction_id=leak-2&tagg=HELP&message=wrong+path"),
            ("/tagga", "transaction_id=leak-3&tagg=HELP&message=\(Self.apikey)-looking+text"),
        ] {
            let result = await http.post(
                url: "http://127.0.0.1:\(port)\(path)", contentType: "application/x-www-form-urlencoded",
                body: Array(body.utf8))
            if case .response(let response) = result { findings.add("POST \(path) answer", response.bodyText) }
        }
        for path in ["/healthz", "/metrics"] {
            let request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)")
            let response = try await client.execute(request, timeout: .seconds(30))
            findings.add("GET \(path)", String(buffer: try await response.body.collect(upTo: 1 << 20)))
        }
        try await client.shutdown()
        simulator.tagga.openTransaction(id: "leak-1", tagg: "HELP", from: "+18397536474", message: "hi")
        // The Swift runtime writes its crash report on SIGSEGV (and, the signal having come from outside, carries
        // on afterwards: it is killed once the report is out).
        kill(serve.processIdentifier, SIGSEGV)
        #expect(
            try await SwitchboardBinary.waitFor(timeout: .seconds(120)) {
                SwitchboardBinary.contents(serveLog).contains("Backtrace took")
            }, "no crash report: \(SwitchboardBinary.contents(serveLog).suffix(2000))")
        kill(serve.processIdentifier, SIGKILL)
        #expect(try await SwitchboardBinary.waitFor { !serve.isRunning })
        let report = SwitchboardBinary.contents(serveLog)
        #expect(report.contains("Program crashed"), "\(report.suffix(2000))")
        findings.add("serve output and crash report", report)

        // The headless commands: list, reply, send, broadcast (dry run and real), export.
        #expect(try await run(["pending", "--config", config.path]).status == 0)
        #expect(try await run(["pending", "--config", config.path, "--json"]).status == 0)
        let reply = try await run(["reply", "leak-1", "--config", config.path, "--message", "On its way", "--json"])
        #expect(reply.status == 0, "\(reply.stdout)\(reply.stderr)")
        #expect(
            try await run(["send", "--config", config.path, "--to", "+18397536474", "--body", "Hello"]).status == 0)
        let recipients = work.appendingPathComponent("recipients.csv")
        try "phone,name\n+18397536474,Ana\n+447700900123,Ben\nnot-a-number,Bad\n".write(
            to: recipients, atomically: true, encoding: .utf8)
        let broadcast = ["broadcast", "--config", config.path, "--recipients", recipients.path, "--body", "Hi {name}"]
        #expect(try await run(broadcast + ["--dry-run", "--json"]).status == 0)
        let sent = try await run(broadcast + ["--yes", "--json"])
        #expect(sent.status == 0, "\(sent.stdout)\(sent.stderr)")
        let campaign = try #require(sent.stderr.firstMatch(of: /campaign ([0-9A-Za-z-]+)/)?.1)
        for format in ["csv", "jsonl"] {
            let export = try await run(["export", "--config", config.path, "--format", format])
            #expect(export.status == 0)
            #expect(export.stdout.contains("leak-1"), "the export holds the text (and is read for secrets)")
        }
        #expect(try await run(["export", "--config", config.path, "--campaign", String(campaign)]).status == 0)

        // The console (in tmux, following the store): the inbox, the detail pane, a reply pane, the help.
        let console = try TmuxSession(
            command: "env XDG_STATE_HOME=\(state.path) SWITCHBOARD_TAGGET_TOKEN=\(Self.token) "
                + "\(SwitchboardBinary.url.path) console --no-receiver --config \(config.path); "
                + "echo EXIT-STATUS=$?; sleep 60")
        defer { console.kill() }
        #expect(try await console.waitFor("following the store"), "\(console.capture())")
        for key in ["f", "f", "f", "f", "?"] { try console.keys(key) }
        #expect(try await console.waitFor("Keys"), "\(console.capture())")
        findings.add("console screens", console.capture())
        try console.keys("q")
        #expect(try await SwitchboardBinary.waitFor { !console.capture().contains("Keys — Esc") })
        #expect(console.capture().contains("leak-1"), "\(console.capture())")
        try console.keys("q")
        #expect(try await console.waitFor("EXIT-STATUS=0"), "\(console.capture())")
        findings.add("console after quitting", console.capture())

        // prune, last (it removes what the console showed): its summary and its export file, which holds the
        // journal with its request bodies.
        let pruned = work.appendingPathComponent("pruned.jsonl")
        let prune = try await run([
            "prune", "--config", config.path, "--before", "2999-01-01", "--export", pruned.path, "--json",
        ])
        #expect(prune.status == 0, "\(prune.stdout)\(prune.stderr)")
        #expect(try String(contentsOf: pruned, encoding: .utf8).contains("leak-1"))

        // Everything written: logs, the store (its journal keeps request bodies with the keys replaced), exports.
        findings.addFiles(below: state)
        findings.addFiles(below: work)
        #expect(findings.places.count > 20, "\(findings.places.map(\.0))")
        #expect(findings.leaks.isEmpty, "\(findings.leaks)")
        // The journal did keep the reply's request, redacted.
        #expect(findings.places.contains { $0.1.contains("apikey=***") })
    }

    @Test func theReceiverListensOnLoopbackUnlessToldOtherwise() async throws {
        let directory = try SwitchboardBinary.temporaryDirectory()
        let config = directory.appendingPathComponent("config.toml")
        try SwitchboardBinary.writeConfig("[tagga]\ntaggs = [\"HELP\"]\n", to: config)
        let check = try await SwitchboardBinary.run(["config", "check", "--config", config.path])
        #expect(check.stdout.contains("receiver.listen            127.0.0.1:8080  (default)"), "\(check.stdout)")
    }
}
