/// Why a broadcast body cannot be used, found before anything is sent.
///
/// Offsets are 0-based character (grapheme) offsets in the body; messages count from 1.
package enum BroadcastTemplateError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A `{` with no `}` on the same line after it (or another `{` before its `}`).
    case unclosedBrace(offset: Int)
    /// A `}` that closes no placeholder and is not doubled.
    case unmatchedClosingBrace(offset: Int)
    /// `{}` or `{  }`: a placeholder naming nothing.
    case emptyPlaceholder(offset: Int)
    /// Placeholders that name no column, in order of first use, and the columns there are.
    case unknownPlaceholders(names: [String], columns: [String])

    /// What is wrong and what to write instead.
    package var description: String {
        switch self {
        case .unclosedBrace(let offset):
            return "The { at character \(offset + 1) is not closed: write {column} to insert a column, "
                + "or {{ for a literal {"
        case .unmatchedClosingBrace(let offset):
            return "The } at character \(offset + 1) closes no placeholder: write }} for a literal }"
        case .emptyPlaceholder(let offset):
            return "The {} at character \(offset + 1) names no column: write {column} to insert a column, "
                + "or {{}} for literal braces"
        case .unknownPlaceholders(let names, let columns):
            let used = Self.list(names.map { "{\($0)}" })
            guard !columns.isEmpty else {
                return "The message uses \(used), but the recipients have no columns (a plain list of numbers): "
                    + "remove the placeholder or import a CSV with a header row"
            }
            let what = names.count == 1 ? "no column has that name" : "no column has those names"
            return "The message uses \(used), but \(what): the columns are \(columns.joined(separator: ", "))"
        }
    }

    /// `a`, `a and b`, `a, b and c`.
    private static func list(_ items: [String]) -> String {
        guard let last = items.last else { return "" }
        guard items.count > 1 else { return last }
        return items.dropLast().joined(separator: ", ") + " and " + last
    }
}
