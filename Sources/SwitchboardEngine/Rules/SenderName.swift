import Foundation

/// A validated Tagget sender: an alphanumeric name or a number.
///
/// Surrounding whitespace is trimmed. Then either 1–11 characters of `[A-Za-z0-9 ]` with at least one letter
/// (inner spaces kept), or 1–15 ASCII digits and nothing else (no `+`, no spaces).
package struct SenderName: Sendable, Hashable, CustomStringConvertible {
    /// The sender as it is sent.
    package let value: String

    /// The longest alphanumeric sender.
    package static let maximumNameLength = 11
    /// The longest numeric sender.
    package static let maximumDigits = 15

    package init(validating raw: String) throws(SenderNameError) {
        let input = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !input.isEmpty else { throw .empty }
        if let bad = input.first(where: { !Self.isAllowed($0) }) {
            throw .invalidCharacter(input: input, character: bad)
        }
        if input.allSatisfy(\.isWholeNumber) {
            guard input.count <= Self.maximumDigits else { throw .numberTooLong(input: input, digits: input.count) }
        } else if input.contains(where: \.isLetter) {
            guard input.count <= Self.maximumNameLength else { throw .tooLong(input: input, count: input.count) }
        } else {
            throw .noLetter(input: input)
        }
        value = input
    }

    /// Whether the sender is a number (digits only) rather than a name.
    package var isNumeric: Bool { value.allSatisfy(\.isWholeNumber) }

    package var description: String { value }

    private static func isAllowed(_ character: Character) -> Bool {
        character == " " || (character.isASCII && (character.isLetter || character.isWholeNumber))
    }
}
