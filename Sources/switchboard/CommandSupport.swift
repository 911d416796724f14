import ArgumentParser
import Foundation
import SwitchboardConsole
import SwitchboardEngine

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

/// Where commands write: diagnostics to stderr, results to stdout, untrusted text always sanitized.
enum Terminal {
    static func error(_ text: String) {
        FileHandle.standardError.write(Data("error: \(TextSanitizer.lineSafe(text))\n".utf8))
    }

    static func warn(_ text: String) {
        FileHandle.standardError.write(Data("warning: \(TextSanitizer.lineSafe(text))\n".utf8))
    }

    static func note(_ text: String) {
        FileHandle.standardError.write(Data("\(text)\n".utf8))
    }

    static func output(_ text: String) {
        FileHandle.standardOutput.write(Data("\(text)\n".utf8))
    }

    /// One JSON document on stdout, keys sorted.
    static func json(_ value: JSONValue) {
        var out: [UInt8] = []
        value.write(into: &out)
        out.append(0x0A)
        FileHandle.standardOutput.write(Data(out))
    }

    /// Many JSON values on stdout, written in chunks as they are produced: a JSON array, or JSONL (one per line).
    static func jsonStream<S: Sequence>(_ values: S, asArray: Bool, _ transform: (S.Element) throws -> JSONValue)
        rethrows
    {
        try JSONLines.write(values, asArray: asArray, to: { FileHandle.standardOutput.write($0) }, transform)
    }
}
