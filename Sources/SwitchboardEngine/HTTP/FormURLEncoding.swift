/// `application/x-www-form-urlencoded`, as browsers and PHP's `http_build_query` write it: UTF-8, percent-encoded,
/// space as `+`. The reply client, the simulator and the callback receiver all use this one implementation.
package enum FormURLEncoding {
    /// Encodes fields in the order given.
    package static func encode(_ fields: [(name: String, value: String)]) -> String {
        fields.map { "\(escape($0.name))=\(escape($0.value))" }.joined(separator: "&")
    }

    /// Decodes a form body into its fields, in order. Returns nil when a percent escape is malformed
    /// or the decoded bytes are not UTF-8.
    package static func decode(_ body: String) -> [(name: String, value: String)]? {
        decode(bytes: Array(body.utf8))
    }

    /// Decodes a form body given as bytes; see ``decode(_:)``.
    package static func decode(bytes: [UInt8]) -> [(name: String, value: String)]? {
        guard let pairs = decodeRaw(bytes) else { return nil }
        var fields: [(name: String, value: String)] = []
        for pair in pairs {
            guard let name = String(validating: pair.name, as: UTF8.self),
                let value = String(validating: pair.value, as: UTF8.self)
            else { return nil }
            fields.append((name, value))
        }
        return fields
    }

    /// Decodes a form body into raw byte fields, without assuming any character encoding for the values.
    package static func decodeRaw(_ bytes: [UInt8]) -> [(name: [UInt8], value: [UInt8])]? {
        var fields: [(name: [UInt8], value: [UInt8])] = []
        for piece in bytes.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let halves = piece.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = unescape(halves[0]) else { return nil }
            let value = halves.count > 1 ? unescape(halves[1]) : []
            guard let value else { return nil }
            fields.append((name, value))
        }
        return fields
    }

    private static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "*"), UInt8(ascii: "-"), UInt8(ascii: "."),
                UInt8(ascii: "_"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: " "):
                out.append("+")
            default:
                out.append("%")
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        return out
    }

    private static func unescape(_ bytes: ArraySlice<UInt8>) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "+") {
                out.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%") {
                guard index + 2 < bytes.endIndex,
                    let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2])
                else { return nil }
                out.append(high << 4 | low)
                index += 2
            } else {
                out.append(byte)
            }
            index += 1
        }
        return out
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    private static let hexDigits: [Character] = Array("0123456789ABCDEF")
}
