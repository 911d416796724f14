import TOMLKit

/// Reads typed values out of a parsed TOML document, turning every mismatch into a ``ConfigurationProblem`` with
/// its line, and carrying on so that one pass finds every problem.
struct ConfigurationReader {
    private let root: TOMLTable
    private let index: TOMLLineIndex
    private let file: String?
    private(set) var problems: [ConfigurationProblem] = []
    private(set) var warnings: [String] = []
    /// The dotted keys the file set (with a valid value).
    private(set) var keysFromFile: Set<String> = []

    init(root: TOMLTable, text: String, file: String?) {
        self.root = root
        self.index = TOMLLineIndex(text: text)
        self.file = file
    }

    /// Records a problem at `key`'s line.
    mutating func report(_ key: String, _ message: String) {
        problems.append(ConfigurationProblem(file: file, line: index.line(of: key), key: key, message: message))
    }

    /// Records a problem inside `key`'s value (a list written over several lines): at the first line from the key's
    /// on that contains `token`, else at the key's line.
    mutating func report(_ key: String, _ message: String, near token: String) {
        let line = index.line(of: key, containing: token)
        problems.append(ConfigurationProblem(file: file, line: line, key: key, message: message))
    }

    /// Records a warning at `key`'s line.
    mutating func warn(_ key: String, _ message: String) {
        let location = [file, index.line(of: key).map(String.init)].compactMap { $0 }.joined(separator: ":")
        warnings.append([location, key, message].filter { !$0.isEmpty }.joined(separator: ": "))
    }

    /// Marks `key` as set by the file.
    mutating func markSet(_ key: String) {
        keysFromFile.insert(key)
    }

    /// The raw value at `table.key`, or nil when absent (or when the table itself is not a table).
    func value(_ key: String) -> TOMLValueConvertible? {
        let parts = key.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2, let table = root[parts[0]]?.table else { return nil }
        return table[parts[1]]
    }

    /// Whether `key` is present in the file.
    func has(_ key: String) -> Bool { value(key) != nil }

    /// The value's type in words, with the value itself when it is short and `key` is not a secret.
    func found(_ value: TOMLValueConvertible, at key: String) -> String {
        let words: String
        switch value.type {
        case .string: words = "a string"
        case .int: words = "an integer"
        case .double: words = "a number with a fraction"
        case .bool: words = "true/false"
        case .array: words = "a list"
        case .table: words = "a table"
        case .date: words = "a date"
        case .time: words = "a time"
        case .dateTime: words = "a date and time"
        }
        guard !ConfigurationSchema.secretKeys.contains(key) else { return words }
        let shown: String?
        switch value.type {
        case .string: shown = value.string.map { "\"\($0)\"" }
        case .int: shown = value.int.map(String.init)
        case .double: shown = value.double.map { String($0) }
        case .bool: shown = value.bool.map(String.init)
        default: shown = nil
        }
        guard let shown, shown.count <= 40 else { return words }
        return "\(words) (\(shown))"
    }

    /// Records "expected …, found …" for `key`, with `hint` appended.
    mutating func reportType(_ key: String, expected: String, value: TOMLValueConvertible, hint: String? = nil) {
        var message = "expected \(expected), found \(found(value, at: key))"
        if let hint { message += "; \(hint)" }
        report(key, message)
    }

    /// A string, or nil (with a problem when present but not a string).
    mutating func string(_ key: String) -> String? {
        guard let value = value(key) else { return nil }
        guard let string = value.string else {
            reportType(key, expected: "a string in double quotes", value: value)
            return nil
        }
        return string
    }

    /// An integer, or nil (with a problem when present but not an integer).
    mutating func integer(_ key: String) -> Int? {
        guard let value = value(key) else { return nil }
        guard let integer = value.int else {
            var hint: String?
            if let string = value.string, Int(string) != nil { hint = "write the number without quotes" }
            reportType(key, expected: "a whole number", value: value, hint: hint)
            return nil
        }
        return integer
    }

    /// An integer or a number with a fraction, or nil (with a problem when present but neither).
    mutating func number(_ key: String) -> Double? {
        guard let value = value(key) else { return nil }
        if let integer = value.int { return Double(integer) }
        if let double = value.double { return double }
        var hint: String?
        if let string = value.string, Double(string) != nil { hint = "write the number without quotes" }
        reportType(key, expected: "a number", value: value, hint: hint)
        return nil
    }

    /// `true` or `false`, or nil (with a problem when present but not a boolean).
    mutating func bool(_ key: String) -> Bool? {
        guard let value = value(key) else { return nil }
        guard let bool = value.bool else {
            var hint: String?
            if let string = value.string, ["true", "false"].contains(string.lowercased()) {
                hint = "write \(string.lowercased()) without quotes"
            }
            reportType(key, expected: "true or false", value: value, hint: hint)
            return nil
        }
        return bool
    }

    /// A list of strings, or nil when absent or not a list. An element that is not a string is reported and comes
    /// back as nil, so the caller can still check the others.
    mutating func strings(_ key: String) -> [String?]? {
        guard let value = value(key) else { return nil }
        guard let array = value.array else {
            let hint = value.string.map { _ in "put the value in brackets, like [\"...\"]" }
            reportType(key, expected: "a list of strings", value: value, hint: hint)
            return nil
        }
        var strings: [String?] = []
        for (position, element) in array.enumerated() {
            strings.append(element.string)
            if element.string == nil {
                let what = found(element, at: key)
                report(key, "item \(position + 1): expected a string in double quotes, found \(what)")
            }
        }
        return strings
    }

    /// A duration written like `"30m"`, or nil (with a problem when present but not one).
    mutating func duration(_ key: String) -> Duration? {
        guard let value = value(key) else { return nil }
        if let integer = value.int {
            let examples = "\"\(integer)s\" or \"\(integer)m\""
            report(key, "\(integer) has no unit; write it in double quotes with a unit, like \(examples)")
            return nil
        }
        guard let string = value.string else {
            reportType(key, expected: "a duration in double quotes, like \"30m\"", value: value)
            return nil
        }
        do {
            return try DurationText.parse(string)
        } catch {
            report(key, error.description)
            return nil
        }
    }
}
