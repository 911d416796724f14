/// What loading the configuration found: the configuration when it is usable, every problem, and warnings.
package struct ConfigurationLoadResult: Sendable {
    /// Where the configuration came from.
    package var source: ConfigurationSource
    /// Whether the file existed and was read; false means the defaults (and the environment) were used.
    package var fileWasRead: Bool
    /// The effective configuration; nil when there is any problem.
    package var configuration: SwitchboardConfiguration?
    /// Every problem found, in line order. Empty when `configuration` is set.
    package var problems: [ConfigurationProblem]
    /// Things that work but deserve attention, such as a file other users can read.
    package var warnings: [String]
    /// Where each key's effective value came from when it was not the default: `"file"` or an environment
    /// variable's name, keyed by dotted key.
    package var origins: [String: String]

    package init(
        source: ConfigurationSource,
        fileWasRead: Bool,
        configuration: SwitchboardConfiguration?,
        problems: [ConfigurationProblem],
        warnings: [String],
        origins: [String: String] = [:]
    ) {
        self.source = source
        self.fileWasRead = fileWasRead
        self.configuration = configuration
        self.problems = problems
        self.warnings = warnings
        self.origins = origins
    }

    /// Whether the configuration can be used: no problems.
    package var isUsable: Bool { configuration != nil }
}
