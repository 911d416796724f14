import Foundation

/// Splits a broadcast body into literal text and placeholders (the grammar is `BroadcastTemplate`'s).
enum BroadcastTemplateParser {
    /// The parts of `body`, adjacent text merged; throws at the first malformed brace.
    static func parts(of body: String) throws(BroadcastTemplateError) -> [BroadcastTemplatePart] {
        let characters = Array(body)
        var parts: [BroadcastTemplatePart] = []
        var text = ""
        var index = 0
        while index < characters.count {
            let character = characters[index]
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            switch character {
            case "{" where next == "{", "}" where next == "}":
                text.append(character)
                index += 2
            case "{":
                let close = try closingBrace(in: characters, openingAt: index)
                let name = String(characters[(index + 1)..<close]).trimmingCharacters(in: .whitespaces)
                guard !name.isEmpty else { throw .emptyPlaceholder(offset: index) }
                if !text.isEmpty { parts.append(.text(text)) }
                text = ""
                parts.append(.placeholder(name: name, offset: index))
                index = close + 1
            case "}":
                throw .unmatchedClosingBrace(offset: index)
            default:
                text.append(character)
                index += 1
            }
        }
        if !text.isEmpty { parts.append(.text(text)) }
        return parts
    }

    /// The index of the `}` closing the `{` at `opening`; a line break or another `{` first means unclosed.
    private static func closingBrace(
        in characters: [Character], openingAt opening: Int
    ) throws(BroadcastTemplateError) -> Int {
        var index = opening + 1
        while index < characters.count {
            switch characters[index] {
            case "}": return index
            case "{": throw .unclosedBrace(offset: opening)
            case let character where character.isNewline: throw .unclosedBrace(offset: opening)
            default: index += 1
            }
        }
        throw .unclosedBrace(offset: opening)
    }
}
