/// One CSV record: its fields, unquoted, and the physical line it starts on.
struct CSVRecord: Sendable, Hashable {
    /// The 1-based line of the record's first character.
    let line: Int
    /// The fields, with quotes removed and `""` read as `"`; line breaks inside quotes are kept.
    let fields: [String]

    /// Whether every field is empty or whitespace (a blank line, or a row of bare commas): skipped on import.
    var isBlank: Bool { fields.allSatisfy { $0.allSatisfy(\.isWhitespace) } }
}

/// What the CSV reader found next.
enum CSVReadResult: Sendable, Hashable {
    /// A well-formed record.
    case record(CSVRecord)
    /// A record whose quoted field never closes: `raw` is the text of the line it starts on.
    case unterminatedQuote(line: Int, raw: String)
}
