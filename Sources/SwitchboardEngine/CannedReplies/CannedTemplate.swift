/// The text of a canned reply, parsed: literal text, variables filled in for the text being answered (`{tagg}`,
/// `{id}`, `{operator}`, `{deadline}`, `{left}`), prompts asked of the operator when it is inserted (`{?label}`), and
/// where the cursor lands (`{|}`). `{{` and `}}` write a brace.
package struct CannedTemplate: Sendable, Hashable {
    /// One piece of the template.
    package enum Part: Sendable, Hashable {
        case literal(String)
        case variable(CannedVariable)
        /// Asks the operator for a value, by its label.
        case prompt(String)
        case cursor
    }

    package let parts: [Part]

    /// `text` as it is, braces and all.
    package init(literal text: String) {
        parts = text.isEmpty ? [] : [.literal(text)]
    }

    /// Parses `text`; throws at an unknown variable, an unclosed or empty brace, an empty prompt, or a second `{|}`.
    package init(parsing text: String) throws(CannedTemplateError) {
        var parts: [Part] = []
        var literal = ""
        var characters = Array(text)[...]
        var offset = 0
        var cursors = 0
        while let character = characters.popFirst() {
            offset += 1
            if character == "}", characters.first == "}" {
                characters.removeFirst()
                offset += 1
                literal.append("}")
                continue
            }
            guard character == "{" else {
                literal.append(character)
                continue
            }
            if characters.first == "{" {
                characters.removeFirst()
                offset += 1
                literal.append("{")
                continue
            }
            let start = offset
            guard let close = characters.firstIndex(of: "}") else { throw .unclosedBrace(position: start) }
            let name = String(characters[..<close])
            if name.contains("{") { throw .unclosedBrace(position: start) }
            characters = characters[characters.index(after: close)...]
            offset += name.count + 1
            if !literal.isEmpty {
                parts.append(.literal(literal))
                literal = ""
            }
            if name == "|" {
                cursors += 1
                guard cursors == 1 else { throw .secondCursor(position: start) }
                parts.append(.cursor)
            } else if name.hasPrefix("?") {
                let label = name.dropFirst().trimmingCharacters(in: .whitespaces)
                guard !label.isEmpty else { throw .emptyPrompt(position: start) }
                parts.append(.prompt(label))
            } else if let variable = CannedVariable(rawValue: name) {
                parts.append(.variable(variable))
            } else {
                throw .unknownVariable(name, position: start)
            }
        }
        if !literal.isEmpty { parts.append(.literal(literal)) }
        self.parts = parts
    }

    /// The prompts' labels, in order, each once.
    package var prompts: [String] {
        var seen: Set<String> = []
        return parts.compactMap { part in
            guard case .prompt(let label) = part, seen.insert(label).inserted else { return nil }
            return label
        }
    }

    /// The text with variables and prompt answers filled in (a prompt not answered yet is left empty), and the
    /// cursor marker's offset in graphemes (nil when there is none).
    package func fill(_ values: CannedValues, answers: [String: String] = [:]) -> (text: String, cursor: Int?) {
        var text = ""
        var cursor: Int?
        for part in parts {
            switch part {
            case .literal(let literal): text += literal
            case .variable(let variable): text += values.value(of: variable)
            case .prompt(let label): text += answers[label] ?? ""
            case .cursor: cursor = text.count
            }
        }
        return (text, cursor)
    }
}
