import CNCurses

/// Turns what `wget_wch` returns into a ``Key``.
package enum KeyDecoder {
    /// What a read produced.
    package enum Input: Sendable, Hashable {
        case key(Key)
        case resize
        case nothing
    }

    /// `status` is `wget_wch`'s return value, `code` the character or key code it stored.
    package static func decode(status: Int32, code: UInt32) -> Input {
        if status == sb_err() { return .nothing }
        if status == sb_key_code_yes() { return decodeKeyCode(Int32(code)) }
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

    private static func decodeKeyCode(_ code: Int32) -> Input {
        switch code {
        case sb_key_resize(): .resize
        case sb_key_up(): .key(.up)
        case sb_key_down(): .key(.down)
        case sb_key_left(): .key(.left)
        case sb_key_right(): .key(.right)
        case sb_key_home(): .key(.home)
        case sb_key_end(): .key(.end)
        case sb_key_ppage(): .key(.pageUp)
        case sb_key_npage(): .key(.pageDown)
        case sb_key_backspace(): .key(.backspace)
        case sb_key_dc(): .key(.delete)
        case sb_key_enter(): .key(.enter)
        case sb_key_paste_begin(): .key(.pasteBegin)
        case sb_key_paste_end(): .key(.pasteEnd)
        default: .nothing
        }
    }
}
