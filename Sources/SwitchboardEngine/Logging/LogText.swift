/// Text made safe for one line of a log file: a log is read with `tail`, `less` and `cat` on a terminal, and what it
/// quotes (errors, addresses, one day a text) may come from outside.
package enum LogText {
    /// `text` with every C0 and C1 control (line breaks and tabs included), DEL, and every format character (bidi
    /// controls, zero-width characters) or line/paragraph separator written as a `\u{1B}`-style escape, and `\`
    /// as `\\`, so one entry is one line, cannot steer a terminal, and still says exactly what it held.
    package static func escaped(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 < 0x20 || $0 >= 0x7F || $0 == UInt8(ascii: "\\") }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar == "\\" {
                out += "\\\\"
            } else if isEscaped(scalar) {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func isEscaped(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { return true }
        switch scalar.properties.generalCategory {
        case .format, .lineSeparator, .paragraphSeparator: return true
        default: return false
        }
    }
}
