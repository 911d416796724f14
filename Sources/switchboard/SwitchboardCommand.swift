import ArgumentParser

/// `switchboard`: the command line. Argument parsing and wiring only; the work is the engine's.
@main
struct SwitchboardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "switchboard",
        abstract: "A terminal console for answering SMS by hand: Tagga two-way replies and Tagget sends.",
        discussion: """
            Try it with the built-in fake providers:
              switchboard simulate --write-config sim.toml
              switchboard send --config sim.toml --to "+1 839 753 6474" --body "Hello"
            """,
        version: SwitchboardVersion.current,
        subcommands: [
            ConsoleCommand.self, DemoCommand.self, ServeCommand.self, PendingCommand.self, ReplyCommand.self,
            SendCommand.self, BroadcastCommand.self, ExportCommand.self, PruneCommand.self,
            SimulateCommand.self, ConfigCommand.self,
        ],
        defaultSubcommand: ConsoleCommand.self
    )
}
