import CWidth

/// Terminal columns a grapheme takes, measured the way ncurses draws it: ncurses advances the cursor by `wcwidth`
/// of every code point it is given, so a cell holds only a grapheme's first code point and the zero-width ones that
/// follow it (combining marks); a skin tone, a variation selector, a joiner and the later members of an emoji
/// sequence are dropped from what is drawn. Width and drawing agree, so columns never drift.
package enum CharacterWidth {
    /// Columns the grapheme takes (at least 1 for a printable first code point, 0 for a lone zero-width one).
    package static func of(_ character: Character) -> Int {
        if let ascii = character.asciiValue, isPrintableASCII(ascii) { return 1 }
        guard let first = character.unicodeScalars.first else { return 0 }
        let width = Int(sb_wcwidth(first.value))
        if width < 0 { return 1 }
        return width
    }

    /// Columns of a whole string.
    package static func of(_ text: String) -> Int {
        if isPrintableASCII(text) { return text.utf8.count }
        return text.reduce(0) { $0 + of($1) }
    }

    /// Whether a byte is a printable ASCII character (one column, one code point, no grapheme clustering needed).
    @inline(__always)
    package static func isPrintableASCII(_ byte: UInt8) -> Bool { byte >= 0x20 && byte < 0x7F }

    /// Whether every character of `text` is printable ASCII: the common case, measured without grapheme breaking.
    package static func isPrintableASCII(_ text: String) -> Bool { text.utf8.allSatisfy(isPrintableASCII) }

    /// What a cell holds for the grapheme: its first code point and at most ``maximumCombiningMarks`` of the
    /// zero-width combining marks after it (a 500-mark Zalgo cell draws like a 4-mark one).
    package static func drawable(_ character: Character) -> String {
        var scalars = character.unicodeScalars.makeIterator()
        guard let first = scalars.next() else { return "" }
        var rest = scalars
        if rest.next() == nil { return String(character) }
        var out = String.UnicodeScalarView([first])
        var marks = 0
        while let next = scalars.next(), marks < maximumCombiningMarks {
            // Only combining marks ride along: a joiner or an emoji variation selector (a nonspacing mark too) would
            // make the terminal draw wider than ncurses counts.
            let category = next.properties.generalCategory
            if (category == .nonspacingMark || category == .enclosingMark) && !next.properties.isVariationSelector
                && sb_wcwidth(next.value) == 0
            {
                out.append(next)
                marks += 1
            }
        }
        return String(out)
    }

    /// The combining marks a cell keeps: ncurses holds 5 code points a cell (`CCHARW_MAX`), the base and 4 marks.
    package static let maximumCombiningMarks = 4
}
