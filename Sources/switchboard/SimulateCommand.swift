import ArgumentParser
import Foundation
import SwitchboardEngine
import SwitchboardOutput
import SwitchboardSimulator
import SwitchboardText

/// `switchboard simulate`: the fake Tagga and Tagget, for the demo, the tests and trying things without an account.
struct SimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Run the fake providers (Tagga replies + inbound texts, Tagget sends) on this machine.",
        discussion: """
            Serves Tagga's /api/response/ and Tagget's /engage/send_sms on one port, enforcing every rule and
            return code of the real providers, and optionally posts generated inbound texts to a callback URL.

            Examples:
              switchboard simulate --write-config sim.toml
              switchboard simulate --port 8099 --callback http://127.0.0.1:8080/tagga --rate 2
              switchboard simulate --error-share 0.2 --throttle-share 0.1 --latency 200ms
            """
    )

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0 picks a free one).")
    var port = 8099

    @Option(help: "Post generated inbound texts to this callback URL (e.g. http://127.0.0.1:8080/tagga).")
    var callback: String?

    @Option(help: "Inbound texts per second, with --callback.")
    var rate: Double = 0.2

    @Option(help: "Stop generating after this many inbound texts, with --callback.")
    var count: Int?

    @Option(help: "The reply window the fake Tagga enforces, e.g. 30m or 90s.")
    var replyWindow = "30m"

    @Flag(help: "Accept paid replies (otherwise paid replies get code 18).")
    var paymentRegistered = false

    @Option(help: "A texter whose replies get code 1 (repeatable).")
    var block: [String] = []

    @Option(help: "Added latency on every provider answer, e.g. 200ms.")
    var latency = "0ms"

    @Option(help: "Share (0-1) of provider requests answered 500.")
    var errorShare = 0.0

    @Option(help: "Share (0-1) of provider requests answered 429 with Retry-After: 1.")
    var throttleShare = 0.0

    @Option(help: "Share (0-1) of provider requests acted on and then never answered.")
    var timeoutShare = 0.0

    @Option(help: "Share (0-1) of provider requests acted on and then dropped without an answer.")
    var dropShare = 0.0

    @Flag(help: "Do not print a line for every provider request.")
    var quiet = false

    @Option(help: "Write a Switchboard configuration file pointing at this simulator (mode 600).")
    var writeConfig: String?

    func validate() throws {
        for share in [errorShare, throttleShare, timeoutShare, dropShare] where !(0...1).contains(share) {
            throw ValidationError("fault shares must be between 0 and 1")
        }
        guard errorShare + throttleShare + timeoutShare + dropShare <= 1 else {
            throw ValidationError("the fault shares add up to more than 1")
        }
        guard rate > 0 else { throw ValidationError("--rate must be more than 0") }
    }

    func run() async throws {
        var settings = SimulatorSettings()
        settings.paymentRegistered = paymentRegistered
        settings.replyWindow = try parseDuration(replyWindow, option: "--reply-window")
        for number in block {
            do {
                settings.blockedRecipients.insert(try PhoneNumber(normalizing: number).e164)
            } catch {
                throw ValidationError("--block \(number): \(error)")
            }
        }
        var plan = FaultPlan()
        plan.latency = try parseDuration(latency, option: "--latency")
        plan.serverErrorShare = errorShare
        plan.throttleShare = throttleShare
        plan.timeoutShare = timeoutShare
        plan.dropShare = dropShare
        let simulator = ProviderSimulator(
            settings: settings, faults: FaultInjector(plan: plan, seed: UInt64.random(in: 1...UInt64.max)),
            observer: { [quiet] line in if !quiet { Terminal.output(TextSanitizer.lineSafe(line)) } })
        let baseURL: String
        do {
            baseURL = try await simulator.start(host: host, port: port)
        } catch {
            Terminal.error("cannot listen on \(host):\(port): \(error). Pick another --port (0 picks a free one).")
            throw ExitStatus.operationFailed
        }
        let snippet = Self.configSnippet(baseURL: baseURL, settings: settings)
        if let writeConfig {
            try writeConfigFile(snippet, to: writeConfig)
        }
        printBanner(baseURL: baseURL, settings: settings)

        let httpClient = ProviderHTTPClient.makeClient()
        let generator = callback.map {
            InboundTrafficGenerator(account: simulator.tagga, callbackURL: $0, client: httpClient)
        }
        let (rate, count) = (self.rate, self.count)
        await withTaskGroup(of: Void.self) { group in
            if let generator { group.addTask { await generator.run(rate: rate, count: count) } }
            await TerminationSignals.waitForTermination()
            group.cancelAll()
        }
        if let generator {
            let stats = generator.statistics
            Terminal.note(
                "inbound: \(stats.generated) generated, \(stats.acknowledged) acknowledged, "
                    + "\(stats.resends) resends, \(stats.abandoned) abandoned")
        }
        try? await httpClient.shutdown()
        await simulator.stop()
    }

    private func parseDuration(_ text: String, option: String) throws -> Duration {
        do {
            return try DurationText.parse(text)
        } catch {
            throw ValidationError("\(option): \(error)")
        }
    }

    private func printBanner(baseURL: String, settings: SimulatorSettings) {
        Terminal.output("Switchboard simulator: fake Tagga + Tagget listening on \(baseURL)")
        Terminal.output(
            "  Tagga replies   POST \(baseURL)/api/response/  apikey=\(settings.taggaApikey) "
                + "passkey=\(settings.taggaPasskey) taggs=\(settings.taggs.joined(separator: ","))")
        Terminal.output(
            "  Tagget sends    POST \(baseURL)/engage/send_sms  id=\(settings.taggetID) token=\(settings.taggetToken)")
        if let callback {
            Terminal.output("  inbound texts   POST \(callback) at \(rate)/s" + (count.map { ", \($0) in all" } ?? ""))
        } else {
            Terminal.output("  inbound texts   none (pass --callback URL to post some)")
        }
        if let writeConfig {
            Terminal.output("  configuration   \(writeConfig) (use it with --config \(writeConfig))")
        }
        Terminal.output("Ctrl-C stops it.")
    }

    private func writeConfigFile(_ text: String, to path: String) throws {
        let created = FileManager.default.createFile(
            atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
        guard created else {
            Terminal.error("cannot write \(path); choose another --write-config path")
            throw ExitStatus.operationFailed
        }
        try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
    }

    /// A configuration that points Switchboard at this simulator with its fake credentials.
    static func configSnippet(baseURL: String, settings: SimulatorSettings) -> String {
        """
        # Switchboard configuration for the simulator at \(baseURL) (written by `switchboard simulate`).
        [tagga]
        base_url = "\(baseURL)"
        apikey = "\(settings.taggaApikey)"
        passkey = "\(settings.taggaPasskey)"
        taggs = [\(settings.taggs.map { "\"\($0)\"" }.joined(separator: ", "))]
        reply_window = "\(DurationText.format(settings.replyWindow))"
        payment_registered = \(settings.paymentRegistered)

        [tagget]
        base_url = "\(baseURL)"
        id = \(settings.taggetID)
        token = "\(settings.taggetToken)"
        sender = "Switchboard"

        """
    }
}
