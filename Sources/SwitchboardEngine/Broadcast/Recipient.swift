/// One recipient of a broadcast: a normalised number, the line it came from, and its CSV row.
package struct Recipient: Sendable, Hashable {
    /// The number, normalised to E.164.
    package let phone: PhoneNumber
    /// The 1-based physical line of the input where the entry starts (for a quoted multi-line CSV record,
    /// the line of its first character).
    package let line: Int
    /// The CSV row by column name, the number's own column included; empty for a plain list of numbers.
    /// A row shorter than the header has no entry for the missing columns (a placeholder renders them empty).
    package let fields: [String: String]

    /// A recipient at `line`, with its CSV row (none for plain text).
    package init(phone: PhoneNumber, line: Int, fields: [String: String] = [:]) {
        self.phone = phone
        self.line = line
        self.fields = fields
    }
}
