import Foundation
import TOMLKit

/// Finds, reads and validates the configuration file, then applies the environment's credentials.
///
/// Nothing here throws or crashes on a bad file: every problem comes back in ``ConfigurationLoadResult``,
/// all of them at once, each with its line and key.
package enum ConfigurationLoader {
    /// The variable that names the configuration file.
    package static let pathVariable = "SWITCHBOARD_CONFIG"

    /// Chooses the file: `--config PATH`, else `$SWITCHBOARD_CONFIG`, else `$XDG_CONFIG_HOME/switchboard/config.toml`,
    /// else `~/.config/switchboard/config.toml`. A leading `~/` is expanded with `$HOME`.
    package static func locate(explicitPath: String?, environment: [String: String]) -> ConfigurationSource {
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        if let explicitPath, !explicitPath.isEmpty {
            return ConfigurationSource(path: expandingTilde(explicitPath, home: home), origin: .commandLine)
        }
        if let path = environment[pathVariable], !path.isEmpty {
            return ConfigurationSource(path: expandingTilde(path, home: home), origin: .environment)
        }
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            return ConfigurationSource(path: join(xdg, "switchboard/config.toml"), origin: .xdgConfigHome)
        }
        return ConfigurationSource(path: join(home, ".config/switchboard/config.toml"), origin: .home)
    }

    /// Locates and loads in one step.
    package static func load(explicitPath: String?, environment: [String: String]) -> ConfigurationLoadResult {
        load(source: locate(explicitPath: explicitPath, environment: environment), environment: environment)
    }

    /// Reads the file at `source` (or uses the defaults when a default-location file is missing), validates it,
    /// and applies the environment.
    package static func load(source: ConfigurationSource, environment: [String: String]) -> ConfigurationLoadResult {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: source.path, isDirectory: &isDirectory) else {
            guard source.isRequired else {
                return finish(source: source, text: nil, environment: environment)
            }
            let how = source.origin == .commandLine ? "--config" : "$\(pathVariable)"
            let message = "no such file (named by \(how)); check the path, or create the file"
            return failure(source: source, message: message, environment: environment)
        }
        guard !isDirectory.boolValue else {
            let message = "this is a directory; give the path of a .toml file"
            return failure(source: source, message: message, environment: environment)
        }
        guard let data = FileManager.default.contents(atPath: source.path) else {
            let message = "cannot read the file; check that you may read it (ls -l \(source.path))"
            return failure(source: source, message: message, environment: environment)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            let message = "the file is not valid UTF-8 text; save it as UTF-8"
            return failure(source: source, message: message, environment: environment)
        }
        var result = finish(source: source, text: text, environment: environment)
        if let warning = FilePermissionCheck.warning(for: source.path) {
            result.warnings.insert(warning, at: 0)
        }
        return result
    }

    /// Validates configuration `text` as if read from `source`; no file is touched. For tests and for tools that
    /// already hold the text.
    package static func load(
        text: String,
        source: ConfigurationSource,
        environment: [String: String]
    ) -> ConfigurationLoadResult {
        finish(source: source, text: text, environment: environment)
    }

    /// Parses and validates `text` (nil: no file), applies the environment, and packs up the result.
    private static func finish(
        source: ConfigurationSource,
        text: String?,
        environment: [String: String]
    ) -> ConfigurationLoadResult {
        var configuration = SwitchboardConfiguration.defaults(environment: environment)
        var problems: [ConfigurationProblem] = []
        var warnings: [String] = []
        var origins: [String: String] = [:]
        if let text {
            do {
                let root = try TOMLTable(string: text)
                var reader = ConfigurationReader(root: root, text: text, file: source.path)
                reader.checkTablesAndKeys(of: root)
                configuration = reader.read(over: configuration)
                problems = reader.problems
                warnings = reader.warnings
                for key in reader.keysFromFile { origins[key] = "file" }
            } catch let error as TOMLParseError {
                problems.append(syntaxProblem(error, text: text, file: source.path))
            } catch {
                problems.append(ConfigurationProblem(file: source.path, key: "", message: "cannot parse: \(error)"))
            }
        }
        problems += EnvironmentOverrides.apply(environment, to: &configuration, origins: &origins)
        return ConfigurationLoadResult(
            source: source,
            fileWasRead: text != nil,
            configuration: problems.isEmpty ? configuration : nil,
            problems: sortedByLine(problems),
            warnings: warnings,
            origins: origins
        )
    }

    private static func failure(
        source: ConfigurationSource,
        message: String,
        environment: [String: String]
    ) -> ConfigurationLoadResult {
        var result = finish(source: source, text: nil, environment: environment)
        result.fileWasRead = false
        result.configuration = nil
        result.problems.insert(ConfigurationProblem(file: source.path, key: "", message: message), at: 0)
        return result
    }

    /// A TOML syntax error as one problem at its line and column. toml++'s wording can quote the text it choked
    /// on, so on a line that sets a secret only the position is given.
    private static func syntaxProblem(_ error: TOMLParseError, text: String, file: String) -> ConfigurationProblem {
        let line = error.source.begin.line
        let column = error.source.begin.column
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        let lineText = lines.dropFirst(max(line - 1, 0)).first ?? ""
        let assigned = lineText.split(separator: "=", maxSplits: 1).first?.split(separator: ".").last ?? ""
        let name = assigned.trimmingCharacters(in: CharacterSet(charactersIn: " \t\"'"))
        let secretNames = ConfigurationSchema.secretKeys.compactMap { $0.split(separator: ".").last.map(String.init) }
        let mentionsSecret = lineText.contains("=") && secretNames.contains(name)
        let message: String
        if mentionsSecret {
            message =
                "TOML syntax error: the value is not valid TOML; strings go in double quotes, like key = \"value\""
        } else if error.description.hasPrefix("Error while ") {
            message = "TOML syntax error " + error.description.dropFirst("Error ".count)
        } else {
            message = "TOML syntax error: \(error.description)"
        }
        return ConfigurationProblem(file: file, line: line, column: column, key: "", message: message)
    }

    /// Problems in line order; those without a line (the environment's) last, in the order found.
    private static func sortedByLine(_ problems: [ConfigurationProblem]) -> [ConfigurationProblem] {
        problems.enumerated().sorted { lhs, rhs in
            let left = lhs.element.line ?? .max
            let right = rhs.element.line ?? .max
            return left != right ? left < right : lhs.offset < rhs.offset
        }.map(\.element)
    }

    private static func expandingTilde(_ path: String, home: String) -> String {
        path == "~" ? home : path.hasPrefix("~/") ? join(home, String(path.dropFirst(2))) : path
    }

    private static func join(_ directory: String, _ relative: String) -> String {
        directory.hasSuffix("/") ? directory + relative : directory + "/" + relative
    }
}
