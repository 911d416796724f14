import ArgumentParser
import AsyncHTTPClient
import Foundation
import SwitchboardConsole
import SwitchboardEngine
import SwitchboardOutput
import SwitchboardSimulator

/// `switchboard demo`: the console against the built-in simulator, a temporary store, no configuration.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract:
            "Try the console with the built-in fake providers: nothing to configure, nothing leaves this machine.",
        discussion: """
            Starts the simulator, a receiver and a temporary store, fills the inbox with texts of every age (a few
            already answered, one expired), and keeps new texts coming. Replies go to the fake Tagga, which applies
            the real rules; broadcasts (b) go to the fake Tagget, and a sample list of recipients is written next to
            the temporary store. Everything is deleted when you quit.

            Example:
              swift run switchboard demo
            """
    )

    @Option(help: "New inbound texts per minute.")
    var perMinute: Double = 4

    @Option(help: "The theme (a name in themes/ or a path).")
    var theme = "default"

    func run() async throws {
        try requireTerminal()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "switchboard-demo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let sink = FileSink(path: directory.appendingPathComponent("demo.log").path)

        let simulator = ProviderSimulator(settings: SimulatorSettings())
        let baseURL = try await simulator.start()
        var configuration = SwitchboardConfiguration.defaults(environment: ProcessInfo.processInfo.environment)
        configuration.store.location = .sqlite(path: directory.appendingPathComponent("demo.sqlite").path)
        configuration.tagga.baseURL = URL(string: baseURL)!
        configuration.tagga.apiKey = Secret(simulator.settings.taggaApikey)
        configuration.tagga.passKey = Secret(simulator.settings.taggaPasskey)
        configuration.tagga.taggs = simulator.settings.taggs
        configuration.receiver.listen = ListenAddress(host: "127.0.0.1", port: 0)
        // Broadcasts go to the simulator's Tagget too.
        configuration.tagget.baseURL = URL(string: baseURL)!
        configuration.tagget.id = Int(simulator.settings.taggetID)
        configuration.tagget.token = Secret(simulator.settings.taggetToken)
        let engine = try await makeEngine(configuration)

        let receiver = CallbackReceiver(
            settings: .init(configuration: configuration), store: engine.store, searchIndex: engine.store,
            logger: FileLogHandler.logger(label: "switchboard.receiver", sink: sink))
        let port = try await receiver.start()
        try await DemoInbox.seed(
            store: engine.store, account: simulator.tagga, replies: engine.replies, now: engine.clock.now())

        let trafficClient = ProviderHTTPClient.makeClient()
        let generator = InboundTrafficGenerator(
            account: simulator.tagga, callbackURL: "http://127.0.0.1:\(port)/tagga", client: trafficClient)
        let traffic = Task { [perMinute] in await generator.run(rate: max(0.01, perMinute / 60), count: nil) }

        var consoleEngine = ConsoleEngine(
            store: engine.store, replies: engine.replies, window: engine.window, clock: engine.clock,
            paymentRegistered: false, operatorName: configuration.console.operatorName,
            receiverStatus: { ("127.0.0.1:\(port)", receiver.lastCallbackAt) })
        consoleEngine.cannedReplies = DemoInbox.cannedReplies
        consoleEngine.sendDelay = configuration.console.sendDelay
        consoleEngine.afterSend = configuration.console.afterSend
        consoleEngine.broadcasts = engine.broadcasts
        consoleEngine.broadcastSampleFile = try? DemoRecipients.write(in: directory)
        defer { Terminal.note("demo finished; its temporary store is deleted") }
        var failure: (any Error)?
        do {
            try await ConsoleLauncher.run(consoleEngine, themeName: theme, bell: false)
        } catch {
            failure = error
        }
        traffic.cancel()
        await cleanUp(receiver, engine, simulator, trafficClient)
        if let failure { throw failure }
    }

    private func cleanUp(
        _ receiver: CallbackReceiver, _ engine: EngineContext, _ simulator: ProviderSimulator,
        _ client: HTTPClient
    ) async {
        await receiver.stop()
        try? await client.shutdown()
        await engine.shutdown()
        await simulator.stop()
    }
}
