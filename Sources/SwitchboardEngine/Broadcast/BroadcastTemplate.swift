import Foundation

/// A broadcast body with `{column}` placeholders, filled in per recipient from its CSV row.
///
/// `{name}` inserts the recipient's value in the column `name`; spaces just inside the braces are ignored
/// (`{ name }`). `{{` and `}}` are a literal `{` and `}`. A `{` with no `}` on its line, a lone `}` and `{}`
/// are errors, reported with their position when the body is parsed, so a typo is never sent as is.
/// Placeholders match column names exactly, else case-insensitively (`{Name}` finds `name`); use
/// `resolved(against:)` to check them against a list's columns before sending.
package struct BroadcastTemplate: Sendable, Hashable {
    /// The body as written.
    package let source: String
    /// The body in pieces, in order; adjacent literal text is merged.
    package let parts: [BroadcastTemplatePart]

    /// Parses `body`.
    package init(parsing body: String) throws(BroadcastTemplateError) {
        source = body
        parts = try BroadcastTemplateParser.parts(of: body)
    }

    private init(source: String, parts: [BroadcastTemplatePart]) {
        self.source = source
        self.parts = parts
    }

    /// The distinct placeholder names, in order of first use.
    package var placeholders: [String] {
        var seen = Set<String>()
        var names: [String] = []
        for case .placeholder(let name, _) in parts where seen.insert(name).inserted { names.append(name) }
        return names
    }

    /// Whether the body has placeholders (when not, every recipient gets the same text).
    package var hasPlaceholders: Bool {
        parts.contains { if case .placeholder = $0 { true } else { false } }
    }

    /// The placeholders that match no column (neither exactly nor case-insensitively), in order of first use.
    package func unknownPlaceholders(columns: [String]) -> [String] {
        let lookup = ColumnLookup(columns)
        return placeholders.filter { lookup.column(for: $0) == nil }
    }

    /// Checks that every placeholder names one of `columns`; the error lists those that do not.
    package func validate(columns: [String]) throws(BroadcastTemplateError) {
        _ = try resolved(against: columns)
    }

    /// This template with each placeholder spelled exactly as the column it matches (an exact match first,
    /// else the first column equal ignoring case), so rendering finds every value directly.
    package func resolved(against columns: [String]) throws(BroadcastTemplateError) -> BroadcastTemplate {
        let unknown = unknownPlaceholders(columns: columns)
        guard unknown.isEmpty else { throw .unknownPlaceholders(names: unknown, columns: columns) }
        let lookup = ColumnLookup(columns)
        let resolvedParts = parts.map { part -> BroadcastTemplatePart in
            guard case .placeholder(let name, let offset) = part, let column = lookup.column(for: name) else {
                return part
            }
            return .placeholder(name: column, offset: offset)
        }
        return BroadcastTemplate(source: source, parts: resolvedParts)
    }

    /// The body for `recipient`.
    package func render(for recipient: Recipient) -> String {
        render(fields: recipient.fields)
    }

    /// The body with each placeholder replaced by its value in `fields`: the value under exactly that name,
    /// else under a name equal ignoring case (the smallest such name, when several), else nothing.
    package func render(fields: [String: String]) -> String {
        var body = ""
        for part in parts {
            switch part {
            case .text(let text):
                body += text
            case .placeholder(let name, _):
                body += fields[name] ?? Self.caseInsensitiveValue(named: name, in: fields) ?? ""
            }
        }
        return body
    }

    private static func caseInsensitiveValue(named name: String, in fields: [String: String]) -> String? {
        let wanted = name.lowercased()
        return fields.filter { $0.key.lowercased() == wanted }.min { $0.key < $1.key }?.value
    }
}

/// Finds the column a placeholder names: exactly, else the first equal ignoring case.
private struct ColumnLookup {
    private let exact: Set<String>
    private var byLowercased: [String: String] = [:]

    /// A lookup over `columns`, in order.
    init(_ columns: [String]) {
        exact = Set(columns)
        for column in columns where byLowercased[column.lowercased()] == nil {
            byLowercased[column.lowercased()] = column
        }
    }

    /// The column `name` matches, or nil.
    func column(for name: String) -> String? {
        exact.contains(name) ? name : byLowercased[name.lowercased()]
    }
}
