import ArgumentParser
import Foundation
import SwitchboardEngine
import SwitchboardOutput
import SwitchboardText

/// `switchboard config`: configuration tools.
struct ConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Check the configuration.",
        subcommands: [ConfigCheckCommand.self]
    )
}

/// `switchboard config check`: every problem with its line and key, or the effective configuration.
struct ConfigCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the configuration and say what is wrong, line by line.",
        discussion: """
            Reads --config PATH, else $SWITCHBOARD_CONFIG, else $XDG_CONFIG_HOME/switchboard/config.toml, applies
            the SWITCHBOARD_* environment overrides, and reports every problem at once. Secrets are never shown.

            Example:
              switchboard config check --config ~/.config/switchboard/config.toml

            Exit status: 0 valid, 2 problems found.
            """
    )

    @OptionGroup var config: ConfigOption

    func run() async throws {
        let result = ConfigurationLoader.load(
            explicitPath: config.path, environment: ProcessInfo.processInfo.environment)
        for warning in result.warnings { Terminal.warn(warning) }
        guard result.problems.isEmpty, result.configuration != nil else {
            for problem in result.problems { Terminal.error(problem.description) }
            Terminal.note("\(result.problems.count) problem(s) in \(result.source.path)")
            throw ExitStatus.badUsage
        }
        for line in ConfigurationSummary.lines(for: result) { Terminal.output(TextSanitizer.lineSafe(line)) }
    }
}
