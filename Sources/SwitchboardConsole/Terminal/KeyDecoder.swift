/// Turns a character code the terminal sent into a ``Key``: Enter, newline, Tab, Escape, Backspace and Ctrl chords
/// by their control codes, printable characters as themselves, other controls as nothing.
package enum KeyDecoder {
    package static func decode(character code: UInt32) -> TerminalInput {
        switch code {
        case 13: return .key(.enter)
        case 10: return .key(.newline)
        case 9: return .key(.tab)
        case 27: return .key(.escape)
        case 8, 127: return .key(.backspace)
        case 1...26: return .key(.control(Character(Unicode.Scalar(code + 96)!)))
        default:
            guard let scalar = Unicode.Scalar(code), code >= 0x20, !(0x7F...0x9F).contains(code) else {
                return .nothing
            }
            return .key(.character(Character(scalar)))
        }
    }
}
