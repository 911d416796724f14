/// JSON string literals written by hand (RFC 8259): `"` and `\` escaped, LF, CR and TAB as `\n`, `\r`, `\t`, the
/// other C0 controls as `\u00XX`, everything else as its UTF-8 bytes. `inert` also escapes DEL, the C1 controls
/// and every format or line/paragraph separator character (bidi controls, zero-width characters), so JSON printed on
/// a terminal cannot steer it and still decodes to exactly the text.
package enum JSONText {
    package static func appendString(_ text: String, to out: inout [UInt8], inert: Bool = false) {
        out.append(UInt8(ascii: "\""))
        for scalar in text.unicodeScalars {
            let code = scalar.value
            if code < 0x80 {
                let byte = UInt8(code)
                switch byte {
                case UInt8(ascii: "\""): out.append(contentsOf: [0x5C, 0x22])
                case UInt8(ascii: "\\"): out.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                case 0x00..<0x20: escape(UInt16(code), into: &out)
                case 0x7F where inert: escape(UInt16(code), into: &out)
                default: out.append(byte)
                }
            } else if inert, isUnsafeOnATerminal(scalar) {
                for unit in String(scalar).utf16 { escape(unit, into: &out) }
            } else {
                out.append(contentsOf: String(scalar).utf8)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// C1 controls, format characters, and the line and paragraph separators.
    private static func isUnsafeOnATerminal(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value <= 0x9F { return true }
        switch scalar.properties.generalCategory {
        case .format, .lineSeparator, .paragraphSeparator: return true
        default: return false
        }
    }

    private static func escape(_ unit: UInt16, into out: inout [UInt8]) {
        out.append(contentsOf: [0x5C, UInt8(ascii: "u")])
        for shift in stride(from: 12, through: 0, by: -4) { out.append(hex[Int((unit >> UInt16(shift)) & 0xF)]) }
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)
}
