import Foundation

/// How a CSV is read: whether its first row is a header, the column names, and the number column.
///
/// The first non-blank row is a header when one of its cells is `phone`, `to` or `number` (trimmed,
/// case-insensitive; that column holds the numbers, `phone` preferred over `to` over `number`, the leftmost
/// when a name repeats). Otherwise it is a header when its first cell is not a phone number and has a
/// letter (`Name`, `Mobile`), and the numbers are in the first column. Otherwise it is data, the numbers are
/// in the first column, and columns are named by position: `1`, `2`, …. Requiring a letter keeps a data row
/// whose number is mistyped (`18397536474`, no `+`) from being taken for a header and silently dropped: it
/// is reported as invalid instead.
///
/// Header names are trimmed; an empty one is named by its position; a name that repeats an earlier one
/// (case-insensitively) gets `_` and its position appended, so every column can be told apart.
struct CSVLayout: Sendable, Hashable {
    /// The column names from the header; empty without a header (they depend on the widest row).
    let headerColumns: [String]
    /// The 0-based index of the column holding the numbers.
    let phoneColumnIndex: Int
    /// Whether the first row is a header.
    let hasHeader: Bool

    /// The layout implied by the first non-blank row.
    init(firstRow: [String]) {
        let names = firstRow.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        let lowercased = names.map { $0.lowercased() }
        let phoneIndex = RecipientFormat.phoneColumnNames.lazy.compactMap { lowercased.firstIndex(of: $0) }.first
        if let phoneIndex {
            self.init(headerColumns: Self.uniqueNames(names), phoneColumnIndex: phoneIndex, hasHeader: true)
        } else if let first = names.first, first.contains(where: \.isLetter), !Self.isPhoneNumber(first) {
            self.init(headerColumns: Self.uniqueNames(names), phoneColumnIndex: 0, hasHeader: true)
        } else {
            self.init(headerColumns: [], phoneColumnIndex: 0, hasHeader: false)
        }
    }

    private init(headerColumns: [String], phoneColumnIndex: Int, hasHeader: Bool) {
        self.headerColumns = headerColumns
        self.phoneColumnIndex = phoneColumnIndex
        self.hasHeader = hasHeader
    }

    /// The name of the column at a 0-based position when there is no header: `1`, `2`, ….
    static func positionalName(_ index: Int) -> String { String(index + 1) }

    /// Header names made non-empty and unique (case-insensitively), keeping the first of each as written.
    static func uniqueNames(_ names: [String]) -> [String] {
        var taken = Set<String>()
        var result: [String] = []
        result.reserveCapacity(names.count)
        for (index, name) in names.enumerated() {
            var candidate = name.isEmpty ? positionalName(index) : name
            if taken.contains(candidate.lowercased()) {
                let base = candidate
                var suffix = index + 1
                candidate = "\(base)_\(suffix)"
                while taken.contains(candidate.lowercased()) {
                    suffix += 1
                    candidate = "\(base)_\(suffix)"
                }
            }
            taken.insert(candidate.lowercased())
            result.append(candidate)
        }
        return result
    }

    private static func isPhoneNumber(_ text: String) -> Bool {
        (try? PhoneNumber(normalizing: text)) != nil
    }
}
