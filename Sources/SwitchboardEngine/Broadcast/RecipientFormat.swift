import Foundation

/// How a recipient list is written.
package enum RecipientFormat: String, Sendable, Hashable, CaseIterable {
    /// RFC 4180 CSV: numbers from the `phone`, `to` or `number` column, else the first column.
    case csv
    /// A text file: one number per line, or several separated by `,` or `;`.
    case plainText
    /// Numbers typed in by the operator: read like `plainText`.
    case typed

    /// File extensions read as CSV.
    package static let csvExtensions: Set<String> = ["csv"]
    /// File extensions read as plain text.
    package static let plainTextExtensions: Set<String> = ["txt", "text", "lst", "list"]
    /// Header names that mark the number column, in order of preference (compared trimmed and case-insensitively).
    package static let phoneColumnNames = ["phone", "to", "number"]

    /// The format of a file: by its extension when it is `.csv` or a text extension, else by its content.
    ///
    /// By content, the input is CSV when its first non-blank line has a `"`, has both a letter and a `,`
    /// (a header or a name column: a list of numbers has no letters), or is only a number column's name
    /// (`phone`, `to`, `number`). Anything else is plain text. Never answers `typed`.
    package static func detect(fileName: String?, content: String) -> RecipientFormat {
        if let name = fileName?.split(separator: "/").last, let dot = name.lastIndex(of: ".") {
            let fileExtension = name[name.index(after: dot)...].lowercased()
            if csvExtensions.contains(fileExtension) { return .csv }
            if plainTextExtensions.contains(fileExtension) { return .plainText }
        }
        guard let first = firstNonBlankLine(of: content) else { return .plainText }
        if first.contains("\"") { return .csv }
        if first.contains(","), first.contains(where: \.isLetter) { return .csv }
        let trimmed = first.trimmingCharacters(in: .whitespaces).lowercased()
        return phoneColumnNames.contains(trimmed) ? .csv : .plainText
    }

    /// The first line with something other than whitespace (and byte order marks), read up to the first one.
    private static func firstNonBlankLine(of content: String) -> String? {
        var line = ""
        for character in content {
            if character == "\n" || character == "\r" || character == "\r\n" {
                if line.contains(where: { !$0.isWhitespace }) { return line }
                line = ""
            } else if character != "\u{FEFF}" {
                line.append(character)
            }
        }
        return line.contains(where: { !$0.isWhitespace }) ? line : nil
    }
}
