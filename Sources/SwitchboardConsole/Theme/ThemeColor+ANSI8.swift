extension ThemeColor {
    /// The colour number on a terminal with only the eight basic colours: ANSI names keep their number, hex values
    /// take the basic colour nearest in hue. -1 is the terminal's default.
    ///
    /// Plain distance in RGB would turn mid greys yellow and pastels white, so the mapping works by hue instead:
    /// near-greys (channels within 20 % of the brightest) and very dark colours (all channels below 48) become
    /// `black` below an average of 100 and `white` from 100 up; any other colour switches on each channel that is
    /// at least halfway between its darkest and brightest channel (`#ff8700` → red + green → yellow).
    package var ansi8: Int16 {
        switch self {
        case .terminalDefault: -1
        case .ansi(let color): color.index
        case .rgb(let red, let green, let blue): Self.nearestANSI(red: Int(red), green: Int(green), blue: Int(blue))
        }
    }

    private static func nearestANSI(red: Int, green: Int, blue: Int) -> Int16 {
        let brightest = max(red, green, blue)
        let darkest = min(red, green, blue)
        if brightest < 48 || (brightest - darkest) * 5 < brightest {
            return (red + green + blue) / 3 >= 100 ? ANSIColor.white.index : ANSIColor.black.index
        }
        let middle = (brightest + darkest + 1) / 2
        let bits = (red >= middle ? 1 : 0) + (green >= middle ? 2 : 0) + (blue >= middle ? 4 : 0)
        return Int16(bits)
    }
}
