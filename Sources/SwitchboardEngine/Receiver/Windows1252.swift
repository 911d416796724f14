/// Windows-1252, for callback bytes that are not valid UTF-8 (docs/provider-contract.md §1): 0x80–0x9F through the code page's
/// table (the five unassigned bytes keep their C1 code point, as WHATWG decodes them), everything else as Latin-1.
package enum Windows1252 {
    private static let high: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,
        0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
        0x0153, 0x9D, 0x017E, 0x0178,
    ]

    package static func decode(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            let value = (0x80...0x9F).contains(byte) ? high[Int(byte - 0x80)] : UInt32(byte)
            scalars.append(Unicode.Scalar(value)!)
        }
        return String(scalars)
    }

    /// UTF-8 when the bytes are valid UTF-8, Windows-1252 otherwise.
    package static func decodeText(_ bytes: [UInt8]) -> (text: String, encoding: MessageEncoding) {
        if let text = String(validating: bytes, as: UTF8.self) { return (text, .utf8) }
        return (decode(bytes), .windows1252)
    }
}
