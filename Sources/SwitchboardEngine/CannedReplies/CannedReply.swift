/// A ready answer the reply pane inserts from its `Ctrl-R` picker: its name, its template, and the taggs it is for
/// (`console.canned_replies`: `"TAGG: text"`, `"*: text"`, or a table with `name`, `text` and `taggs`).
package struct CannedReply: Sendable, Hashable {
    /// What the picker shows and filters on (the start of the text when none is given).
    package var name: String
    /// The text as written, with its variables and prompts.
    package var text: String
    /// The taggs it is for (upper-cased), or nil for every tagg.
    package var taggs: [String]?
    /// `text`, parsed.
    package let template: CannedTemplate

    /// A canned reply; throws when the text's variables or braces are wrong.
    package init(name: String? = nil, text: String, taggs: [String]? = nil) throws(CannedTemplateError) {
        self.text = text
        self.taggs = taggs.map { $0.map { $0.uppercased() } }
        self.name = name.flatMap { $0.isEmpty ? nil : $0 } ?? Self.defaultName(text)
        template = try CannedTemplate(parsing: text)
    }

    /// A canned reply for one tagg (nil: every tagg) whose text is known to be valid.
    package init(tagg: String?, text: String) {
        self.text = text
        taggs = tagg.map { [$0.uppercased()] }
        name = Self.defaultName(text)
        template = (try? CannedTemplate(parsing: text)) ?? CannedTemplate(literal: text)
    }

    /// Parses `"TAGG: text"` or `"*: text"`; nil when there is no colon, or the tagg or the text is empty.
    package static func entry(_ entry: String) -> (tagg: String?, text: String)? {
        guard let colon = entry.firstIndex(of: ":") else { return nil }
        let tagg = entry[..<colon].trimmingCharacters(in: .whitespaces)
        let text = entry[entry.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        guard !tagg.isEmpty, tagg.count <= 32, !text.isEmpty else { return nil }
        return (tagg == "*" ? nil : tagg.uppercased(), text)
    }

    /// Whether it is offered for `tagg`.
    package func applies(to tagg: String) -> Bool {
        taggs?.contains(tagg.uppercased()) ?? true
    }

    /// The replies offered for `tagg`: its own first, then the ones for every tagg.
    package static func applicable(_ replies: [CannedReply], to tagg: String) -> [CannedReply] {
        replies.filter { $0.taggs != nil && $0.applies(to: tagg) } + replies.filter { $0.taggs == nil }
    }

    /// The first words of the text, up to 24 characters.
    private static func defaultName(_ text: String) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        guard flat.count > 24 else { return flat }
        return String(flat.prefix(23)) + "…"
    }

}
