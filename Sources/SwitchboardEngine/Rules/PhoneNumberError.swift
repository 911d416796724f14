/// Why a phone number was refused, with what the operator should type instead.
package enum PhoneNumberError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Nothing left after trimming.
    case empty
    /// A character other than digits after the leading `+` (and the dropped separators).
    case invalidCharacter(input: String, character: Character)
    /// The number does not start with `+`.
    case missingPlus(input: String)
    /// `+` is followed by `0`: no country code starts with 0.
    case leadingZero(input: String)
    /// Fewer than 8 digits after the `+`.
    case tooShort(input: String, digits: Int)
    /// More than 15 digits after the `+`.
    case tooLong(input: String, digits: Int)

    /// An example of the expected form, used in every message.
    package static let example = "+442079460000"

    package var description: String {
        switch self {
        case .empty:
            return "The phone number is empty: enter it in international format, e.g. \(Self.example)"
        case .invalidCharacter(let input, "+"):
            return "\"\(input)\" has a + that is not at the start: write one + then the digits, e.g. \(Self.example)"
        case .invalidCharacter(let input, let character):
            return "\"\(input)\" contains \(Self.name(of: character)), which cannot be in a phone number: "
                + "use + and digits only (spaces, -, ., ( and ) are ignored), e.g. \(Self.example)"
        case .missingPlus(let input):
            let hint = input.hasPrefix("00") ? " (write + instead of the leading 00)" : ""
            return "\"\(input)\" is not an international number: it must start with + and the country code"
                + "\(hint), e.g. \(Self.example)"
        case .leadingZero(let input):
            return "\"\(input)\" has 0 right after the +: no country code starts with 0; drop the trunk 0 "
                + "and write + then the country code, e.g. \(Self.example)"
        case .tooShort(let input, let digits):
            return "\"\(input)\" is too short: it has \(digits) digit\(digits == 1 ? "" : "s") after the +, "
                + "an international number has 8 to 15 (country code included), e.g. \(Self.example)"
        case .tooLong(let input, let digits):
            return "\"\(input)\" is too long: it has \(digits) digits after the +, "
                + "an international number has at most 15 (country code included); check for extra digits"
        }
    }

    /// `"A"` for a visible character, `U+00A0` for an invisible one.
    private static func name(of character: Character) -> String {
        let visible = character.unicodeScalars.allSatisfy { scalar in
            !scalar.properties.isWhitespace && scalar.properties.generalCategory != .control
                && scalar.properties.generalCategory != .format
        }
        let codes = character.unicodeScalars.map(ReplyLengthOffender.codePoint).joined(separator: " ")
        return visible ? "\"\(character)\" (\(codes))" : codes
    }
}
