import CWidth

/// The one door untrusted text (message bodies, taggs, ids, provider messages) passes before it reaches a
/// terminal: controls made visible, bidi and other invisible format characters removed, width measured.
///
/// ncurses lets bidi overrides through and lets CR, LF and TAB move the cursor; a raw ESC starts an escape
/// sequence on a plain stream. After this, a string can move nothing and hide nothing.
package enum TextSanitizer {
    /// The text as one line: every C0 control (CR, LF and TAB included) and DEL shown as its Unicode control
    /// picture (`␍`, `␊`, `␉`, `␛`, ...), every C1 control as `<9B>`-style hex, bidi controls and other format
    /// characters removed (zero-width joiners kept, so emoji sequences still read as one).
    package static func lineSafe(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x00...0x1F:
                out.append(Unicode.Scalar(0x2400 + scalar.value)!)
            case 0x7F:
                out.append("\u{2421}")
            case 0x80...0x9F:
                out.append(contentsOf: "<\(String(scalar.value, radix: 16, uppercase: true))>".unicodeScalars)
            default:
                if isRemoved(scalar) { continue }
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Whether a scalar is dropped: bidi embeddings, overrides, isolates and marks, and every other format
    /// character (Cf) except the zero-width joiners. Tag characters (U+E0020–E007F) go too: they can smuggle
    /// invisible text, and a subdivision flag (🏴 + tags) still shows its black flag.
    package static func isRemoved(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200C, 0x200D: return false
        default: return scalar.properties.generalCategory == .format
        }
    }

    /// Terminal columns the (already sanitized) text takes, as the C library's `wcwidth` counts them under a
    /// UTF-8 locale (see ``TerminalLocale``); a scalar it calls unprintable counts 1 (it will be replaced).
    package static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { total, scalar in
            let width = Int(sb_wcwidth(scalar.value))
            return total + (width < 0 ? 1 : width)
        }
    }
}
