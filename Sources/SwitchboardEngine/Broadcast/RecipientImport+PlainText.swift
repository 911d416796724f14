extension RecipientImport {
    /// Reads a text file of numbers: one per line, or several on a line separated by `,` or `;`.
    ///
    /// Lines end with LF, CRLF or a lone CR; a leading byte order mark is skipped. Spaces do not separate
    /// numbers (`+1 839 753 6474` is one number, as `PhoneNumber` drops them). Empty or whitespace-only
    /// entries (a blank line, `a,,b`, a trailing `,`) are skipped. Every entry of a line carries that line's
    /// number, so one line can give several recipients or several invalid entries. There are no comments:
    /// a line such as `# customers` is reported as invalid, so nothing is silently ignored.
    package static func plainText(
        _ text: String, detailLimit: Int = RecipientList.defaultDetailLimit
    ) -> RecipientList {
        var builder = RecipientListBuilder(detailLimit: detailLimit)
        for (offset, line) in PlainTextLines(text).enumerated() {
            for entry in line.split(omittingEmptySubsequences: false, whereSeparator: isEntrySeparator) {
                let raw = String(entry)
                if raw.allSatisfy(\.isWhitespace) { continue }
                builder.add(raw: raw, line: offset + 1)
            }
        }
        return builder.build(columns: [], phoneColumn: nil, hasHeader: false, format: .plainText)
    }

    /// The characters that separate numbers on one line.
    private static func isEntrySeparator(_ character: Character) -> Bool {
        character == "," || character == ";"
    }
}
