/// One colour as a theme file names it, after palette references are resolved: the terminal's own default, one of
/// the eight basic ANSI colours, or a 24-bit `#rrggbb` value that is mapped to what the terminal can show.
package enum ThemeColor: Sendable, Hashable {
    case terminalDefault
    case ansi(ANSIColor)
    case rgb(red: UInt8, green: UInt8, blue: UInt8)

    /// Parses a literal colour: `default`, an ANSI name (`black` … `white`) or `#rrggbb`. Palette names are not
    /// literals; the theme resolver looks them up first.
    package init?(literal: String) {
        let text = literal.lowercased()
        if text == "default" {
            self = .terminalDefault
        } else if let ansi = ANSIColor(rawValue: text) {
            self = .ansi(ansi)
        } else if let rgb = Self.parseHex(text) {
            self = rgb
        } else {
            return nil
        }
    }

    private static func parseHex(_ text: String) -> ThemeColor? {
        guard text.hasPrefix("#"), text.count == 7 else { return nil }
        let digits = text.dropFirst()
        guard digits.allSatisfy(\.isHexDigit), let value = UInt32(digits, radix: 16) else { return nil }
        return .rgb(red: UInt8(value >> 16 & 0xFF), green: UInt8(value >> 8 & 0xFF), blue: UInt8(value & 0xFF))
    }

    /// The colour number for a terminal with `colors` colours: the xterm 256-colour index when it has at least
    /// 256, otherwise the nearest of the eight basic colours. -1 is the terminal's default colour.
    package func index(colors: Int) -> Int16 {
        colors >= 256 ? xterm256 : ansi8
    }
}
