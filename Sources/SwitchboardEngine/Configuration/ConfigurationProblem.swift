/// One thing wrong with the configuration: where it is, which key, what is wrong and what to do.
///
/// Its `description` reads like a compiler's:
/// `config.toml:12: tagga.reply_window: "30x" is not a duration; write it like "30m" or "90s"`.
/// No problem ever contains a secret's value.
package struct ConfigurationProblem: Sendable, Hashable, CustomStringConvertible {
    /// The configuration file's path, or nil for a problem in the environment.
    package var file: String?
    /// The 1-based line in the file, when known.
    package var line: Int?
    /// The 1-based column, for syntax errors.
    package var column: Int?
    /// The dotted key, e.g. `tagga.reply_window`; a table name for table problems; empty for the file itself.
    package var key: String
    /// What is wrong and what to do about it.
    package var message: String

    package init(file: String?, line: Int? = nil, column: Int? = nil, key: String, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.key = key
        self.message = message
    }

    package var description: String {
        var location = file ?? ""
        if let line {
            location += location.isEmpty ? "line \(line)" : ":\(line)"
            if let column { location += ":\(column)" }
        }
        let parts = [location, key, message].filter { !$0.isEmpty }
        return parts.joined(separator: ": ")
    }
}
