import ArgumentParser
import Foundation
import Logging
import SwitchboardConsole
import SwitchboardEngine
import SwitchboardOutput

/// `switchboard console` (and plain `switchboard`): the TUI.
struct ConsoleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "console",
        abstract: "The console: live inbox with countdowns, reply pane with its counter (the default command).",
        discussion: """
            Runs the callback receiver in this process (receiver.listen) unless --no-receiver, in which case it
            follows a store that `switchboard serve` writes. Logs go to $XDG_STATE_HOME/switchboard/switchboard.log.
            Press ? inside for the keys.

            Examples:
              switchboard
              switchboard console --config ~/.config/switchboard/config.toml --no-receiver
            """
    )

    @OptionGroup var config: ConfigOption

    @Flag(help: "Do not receive callbacks here; follow the store another process (`serve`) writes.")
    var noReceiver = false

    func run() async throws {
        try requireTerminal()
        let configuration = try config.load()
        let engine = try await makeEngine(configuration)
        let sink = FileSink.standard(environment: ProcessInfo.processInfo.environment)
        var receiver: CallbackReceiver?
        if !noReceiver {
            let started = CallbackReceiver(
                settings: .init(configuration: configuration), store: engine.store, searchIndex: engine.store,
                logger: FileLogHandler.logger(label: "switchboard.receiver", sink: sink))
            do {
                _ = try await started.start()
            } catch {
                await engine.shutdown()
                Terminal.error(
                    "cannot receive callbacks on \(configuration.receiver.listen): \(error). Use another "
                        + "receiver.listen, or --no-receiver to follow a store that `switchboard serve` writes.")
                throw ExitStatus.operationFailed
            }
            receiver = started
        }
        var consoleEngine = ConsoleEngine(
            store: engine.store, replies: engine.replies, window: engine.window, clock: engine.clock,
            paymentRegistered: configuration.tagga.paymentRegistered,
            operatorName: configuration.console.operatorName,
            receiverStatus: receiver.map { receiver in
                let address = "\(configuration.receiver.listen.host):\(receiver.port ?? 0)"
                return { (address, receiver.lastCallbackAt) }
            })
        consoleEngine.cannedReplies = configuration.console.cannedReplies
        consoleEngine.sendDelay = configuration.console.sendDelay
        consoleEngine.afterSend = configuration.console.afterSend
        consoleEngine.broadcasts = engine.broadcasts
        try await ConsoleLauncher.run(
            consoleEngine, themeName: configuration.console.theme, bell: configuration.console.bell)
        await receiver?.stop()
        await engine.shutdown()
    }
}

/// The console draws on a terminal: refuse politely (exit 2) before starting anything when there is none.
func requireTerminal() throws {
    guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
        Terminal.error("\(TerminalError.notATerminal)")
        throw ExitStatus.badUsage
    }
}

/// Starts the console runtime with the configured theme, and turns terminal errors into clear messages.
enum ConsoleLauncher {
    static func run(_ engine: ConsoleEngine, themeName: String, bell: Bool) async throws {
        let runtime = ConsoleRuntime(engine: engine, bell: bell, styles: ThemeStyles.chooser(themeName))
        do {
            try await runtime.run()
        } catch let error as TerminalError {
            Terminal.error("\(error)")
            throw ExitStatus.operationFailed
        }
        if let warning = runtime.themeWarning { Terminal.warn(warning) }
        if let note = runtime.broadcastNote { Terminal.warn(note) }
    }
}

extension CallbackReceiver.Settings {
    /// The receiver's settings from the configuration.
    init(configuration: SwitchboardConfiguration) {
        self.init()
        host = configuration.receiver.listen.host
        port = configuration.receiver.listen.port
        secret = configuration.receiver.secret
        allowedNetworks = configuration.receiver.allowedNetworks
        taggs = configuration.tagga.taggs
        window = ReplyWindow(window: configuration.tagga.replyWindow, safetyMargin: configuration.tagga.safetyMargin)
    }
}
