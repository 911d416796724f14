import Foundation

/// A recipient number in E.164 form (`+` then 8 to 15 digits, the first not 0), as Tagget expects.
///
/// Normalisation trims the input, then drops spaces (any whitespace), `-`, `.`, `(` and `)`; the rest
/// must match `^\+[1-9][0-9]{7,14}$`. A leading `00` is not rewritten to `+`: it is refused with a hint.
package struct PhoneNumber: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The normalised number, e.g. `+18397536474`.
    package let e164: String

    /// The separators dropped before validation (whitespace is dropped too).
    package static let separators: Set<Character> = ["-", ".", "(", ")"]

    package init(normalizing raw: String) throws(PhoneNumberError) {
        let input = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        let kept = input.filter { !$0.isWhitespace && !Self.separators.contains($0) }
        guard !kept.isEmpty else { throw .empty }
        for (offset, character) in kept.enumerated() {
            let isDigit = character.isASCII && character.isWholeNumber
            let isLeadingPlus = offset == 0 && character == "+"
            if !isDigit && !isLeadingPlus { throw .invalidCharacter(input: input, character: character) }
        }
        guard kept.first == "+" else { throw .missingPlus(input: input) }
        let digits = kept.dropFirst()
        if digits.first == "0" { throw .leadingZero(input: input) }
        if digits.count < 8 { throw .tooShort(input: input, digits: digits.count) }
        if digits.count > 15 { throw .tooLong(input: input, digits: digits.count) }
        e164 = kept
    }

    package var description: String { e164 }

    package static func < (lhs: PhoneNumber, rhs: PhoneNumber) -> Bool { lhs.e164 < rhs.e164 }
}
