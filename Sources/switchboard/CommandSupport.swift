import ArgumentParser
import Foundation
import SwitchboardEngine
import SwitchboardOutput
import SwitchboardText

/// Exit codes shared by every command: 0 ok, 1 the operation failed, 2 bad usage or configuration.
enum ExitStatus {
    static let operationFailed = ExitCode(1)
    static let badUsage = ExitCode(2)
}

/// `--config PATH`, shared by the commands that read the configuration.
struct ConfigOption: ParsableArguments {
    @Option(name: .customLong("config"), help: "The configuration file (else $SWITCHBOARD_CONFIG, else the XDG path).")
    var path: String?

    /// Loads the configuration, printing warnings, and exits 2 with every problem when it is unusable.
    func load() throws -> SwitchboardConfiguration {
        let result = ConfigurationLoader.load(explicitPath: path, environment: ProcessInfo.processInfo.environment)
        for warning in result.warnings { Terminal.warn(warning) }
        guard let configuration = result.configuration, result.problems.isEmpty else {
            for problem in result.problems { Terminal.error(problem.description) }
            Terminal.error("fix the configuration (see `switchboard config check`) and try again")
            throw ExitStatus.badUsage
        }
        return configuration
    }
}
