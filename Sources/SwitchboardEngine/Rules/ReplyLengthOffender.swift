/// A distinct character that forced a reply into the "other" character set, with every place it occurs.
package struct ReplyLengthOffender: Sendable, Hashable {
    /// The character as the operator typed it.
    package let character: Character
    /// Offsets, in Characters from the start of the message, of every occurrence, ascending.
    package internal(set) var positions: [Int]
    /// A GSM replacement, when one is known (may be empty: remove the character).
    package let suggestedReplacement: String?

    package init(character: Character, positions: [Int], suggestedReplacement: String?) {
        self.character = character
        self.positions = positions
        self.suggestedReplacement = suggestedReplacement
    }

    /// The Unicode scalars of the character.
    package var scalars: [Unicode.Scalar] { Array(character.unicodeScalars) }

    /// The offset of the first occurrence.
    package var firstPosition: Int { positions.first ?? 0 }

    /// How the UI names the character: the glyph and its code points (`’ U+2019`); an invisible character
    /// is named instead of shown (`U+00A0 NO-BREAK SPACE`).
    package var displayName: String {
        let codes = scalars.map(Self.codePoint).joined(separator: " ")
        if scalars.allSatisfy(Self.isInvisible) {
            let names = scalars.compactMap { $0.properties.name }
            return names.isEmpty ? codes : "\(codes) \(names.joined(separator: " "))"
        }
        return "\(character) \(codes)"
    }

    /// `U+XXXX` (at least four hex digits, upper case).
    package static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    private static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator, .nonspacingMark,
            .enclosingMark, .unassigned, .privateUse, .surrogate:
            return true
        default:
            return false
        }
    }
}
