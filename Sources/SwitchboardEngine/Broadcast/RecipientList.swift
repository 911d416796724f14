/// The result of importing recipients: the numbers to text, and what was left out and why.
///
/// Counts are exact; the detailed lists of invalid entries and duplicates keep only the first `detailLimit`
/// (see `RecipientImport`), so a huge file of bad lines does not hold every one of them in memory.
package struct RecipientList: Sendable, Hashable {
    /// How many invalid entries and duplicates are kept in detail unless the caller says otherwise.
    package static let defaultDetailLimit = 1000

    /// The recipients, in input order, each number once.
    package var recipients: [Recipient]
    /// The first invalid entries, in input order (at most the import's detail limit).
    package var invalid: [InvalidRecipientLine]
    /// How many entries were invalid in all.
    package var invalidCount: Int
    /// The first dropped duplicates, in input order (at most the import's detail limit).
    package var duplicates: [DuplicateRecipient]
    /// How many entries were dropped as duplicates in all.
    package var duplicateCount: Int
    /// The CSV's column names, in order: the header's (trimmed, made unique), or `1`, `2`, … without a
    /// header; empty for plain text.
    package var columns: [String]
    /// The column the numbers were read from; nil for plain text.
    package var phoneColumn: String?
    /// Whether the CSV's first row was read as a header.
    package var hasHeader: Bool
    /// How the input was read.
    package var format: RecipientFormat

    /// A list built from its parts.
    package init(
        recipients: [Recipient], invalid: [InvalidRecipientLine], invalidCount: Int,
        duplicates: [DuplicateRecipient], duplicateCount: Int, columns: [String], phoneColumn: String?,
        hasHeader: Bool, format: RecipientFormat
    ) {
        self.recipients = recipients
        self.invalid = invalid
        self.invalidCount = invalidCount
        self.duplicates = duplicates
        self.duplicateCount = duplicateCount
        self.columns = columns
        self.phoneColumn = phoneColumn
        self.hasHeader = hasHeader
        self.format = format
    }

    /// Whether some invalid entries were counted but not kept in `invalid`.
    package var isInvalidListTruncated: Bool { invalid.count < invalidCount }

    /// Whether some duplicates were counted but not kept in `duplicates`.
    package var isDuplicateListTruncated: Bool { duplicates.count < duplicateCount }
}
