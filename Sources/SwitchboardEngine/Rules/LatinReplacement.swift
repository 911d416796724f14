import Foundation

/// Suggested GSM replacements for characters that would push a reply into the "other" character set.
///
/// The table covers typographic punctuation and spaces that editors insert on their own; beyond it, a
/// decomposed accent is recomposed when that is GSM (`e` + U+0301 → `é`), and an accented letter that GSM
/// lacks loses its accent (`á` → `a`). Every suggestion is itself GSM, and may be empty (invisible
/// characters are suggested for removal).
package enum LatinReplacement {
    /// The explicit replacements, by scalar.
    package static let table: [Unicode.Scalar: String] = [
        "\u{2018}": "'", "\u{2019}": "'", "\u{201A}": "'", "\u{201B}": "'", "\u{2032}": "'",
        "\u{00B4}": "'", "\u{0060}": "'",
        "\u{201C}": "\"", "\u{201D}": "\"", "\u{201E}": "\"", "\u{201F}": "\"", "\u{2033}": "\"",
        "\u{00AB}": "\"", "\u{00BB}": "\"",
        "\u{2010}": "-", "\u{2011}": "-", "\u{2012}": "-", "\u{2013}": "-", "\u{2014}": "-",
        "\u{2015}": "-", "\u{2212}": "-",
        "\u{2026}": "...",
        "\u{00A0}": " ", "\u{2002}": " ", "\u{2003}": " ", "\u{2007}": " ", "\u{2009}": " ",
        "\u{200A}": " ", "\u{202F}": " ", "\u{0009}": " ",
        "\u{200B}": "", "\u{2060}": "", "\u{FEFF}": "", "\u{00AD}": "",
    ]

    /// A GSM replacement for `character`, or nil when none is known.
    /// A character that is already GSM is returned unchanged.
    package static func suggestion(for character: Character) -> String? {
        if GSMAlphabet.septets(for: character) != nil { return String(character) }
        let scalars = Array(character.unicodeScalars)
        if scalars.count == 1, let mapped = table[scalars[0]] { return mapped }
        let composed = String(character).precomposedStringWithCanonicalMapping
        if GSMAlphabet.canEncode(composed) { return composed }
        var stripped = String.UnicodeScalarView()
        for scalar in String(character).decomposedStringWithCanonicalMapping.unicodeScalars
        where scalar.properties.generalCategory != .nonspacingMark {
            stripped.append(scalar)
        }
        let bare = String(stripped)
        if !bare.isEmpty, GSMAlphabet.canEncode(bare) { return bare }
        return nil
    }
}
