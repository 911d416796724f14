/// Why a Tagget sender name was refused, with what the operator should type instead.
package enum SenderNameError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Nothing left after trimming.
    case empty
    /// A character outside `A–Z a–z 0–9` and space.
    case invalidCharacter(input: String, character: Character)
    /// An alphanumeric name longer than 11 characters.
    case tooLong(input: String, count: Int)
    /// A numeric sender longer than 15 digits.
    case numberTooLong(input: String, digits: Int)
    /// Digits and spaces but no letter: neither an alphanumeric name nor a plain number.
    case noLetter(input: String)

    private static let rule =
        "a sender is 1 to 11 letters, digits and spaces with at least one letter (e.g. Tagget), "
        + "or a number of up to 15 digits"

    package var description: String {
        switch self {
        case .empty:
            return "The sender is empty: \(Self.rule)"
        case .invalidCharacter(let input, "+"):
            return "\"\(input)\" contains +: a numeric sender is digits only, without + (e.g. 447700900123)"
        case .invalidCharacter(let input, let character):
            let codes = character.unicodeScalars.map(ReplyLengthOffender.codePoint).joined(separator: " ")
            return "\"\(input)\" contains \"\(character)\" (\(codes)), which a sender cannot have: \(Self.rule)"
        case .tooLong(let input, let count):
            return "\"\(input)\" is \(count) characters long: an alphanumeric sender has at most 11; shorten it"
        case .numberTooLong(let input, let digits):
            return "\"\(input)\" has \(digits) digits: a numeric sender has at most 15"
        case .noLetter(let input):
            return "\"\(input)\" has no letter: an alphanumeric sender needs at least one letter, "
                + "and a numeric sender is digits only, without spaces"
        }
    }
}
