import CNCurses

/// Terminal columns a grapheme takes: `wcwidth` of its first scalar, 2 for emoji presentation (VS16, flags,
/// emoji modifiers and ZWJ sequences), never negative. Only for text that went through ``TextSanitizer``.
package enum CharacterWidth {
    package static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if scalars.count > 1 {
            if scalars.contains(where: { $0.value == 0xFE0F || $0.value == 0x200D }) { return 2 }
            if (0x1F1E6...0x1F1FF).contains(first.value) { return 2 }
        }
        let width = Int(sb_wcwidth(first.value))
        if width < 0 { return 1 }
        if width == 0 && scalars.count == 1 && first.value >= 0x20 { return 0 }
        return width
    }

    /// Columns of a whole string.
    package static func of(_ text: String) -> Int {
        text.reduce(0) { $0 + of($1) }
    }
}
