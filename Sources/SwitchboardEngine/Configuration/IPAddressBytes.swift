/// Parses textual IP addresses into their bytes: 4 for IPv4, 16 for IPv6.
///
/// Written by hand rather than with `inet_pton`, so it behaves the same on every platform and refuses the
/// historical shorthands (`10.1`, octal `010.0.0.1`) that no one means in a configuration file.
enum IPAddressBytes {
    /// The bytes of an IPv4 or IPv6 address. Accepts `[…]` around an IPv6 address and drops a `%zone`.
    static func parse(_ text: String) -> [UInt8]? {
        var text = Substring(text)
        if text.hasPrefix("["), text.hasSuffix("]") {
            text = text.dropFirst().dropLast()
        }
        if let percent = text.firstIndex(of: "%") {
            text = text[..<percent]
        }
        if text.contains(":") {
            return parseIPv6(text)
        }
        return parseIPv4(text)
    }

    /// Four decimal numbers 0–255 separated by dots, with no leading zeros.
    static func parseIPv4(_ text: Substring) -> [UInt8]? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var bytes: [UInt8] = []
        for part in parts {
            guard (1...3).contains(part.count), part.allSatisfy({ $0.isASCII && $0.isNumber }),
                part.count == 1 || part.first != "0",
                let value = UInt8(part)
            else { return nil }
            bytes.append(value)
        }
        return bytes
    }

    /// Eight groups of 1–4 hex digits, one `::` standing for a run of zero groups, and optionally an IPv4
    /// address in place of the last two groups.
    static func parseIPv6(_ text: Substring) -> [UInt8]? {
        let halves = text.split(separator: "::", maxSplits: 2, omittingEmptySubsequences: false)
        switch halves.count {
        case 1:
            guard let groups = groups(halves[0], allowsIPv4: true), groups.count == 16 else { return nil }
            return groups
        case 2:
            guard let head = groups(halves[0], allowsIPv4: false), let tail = groups(halves[1], allowsIPv4: true),
                head.count + tail.count <= 14
            else { return nil }
            return head + Array(repeating: 0, count: 16 - head.count - tail.count) + tail
        default:
            return nil
        }
    }

    /// The bytes of colon-separated hex groups (an empty text is no groups); the last may be dotted IPv4.
    private static func groups(_ text: Substring, allowsIPv4: Bool) -> [UInt8]? {
        guard !text.isEmpty else { return [] }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        var bytes: [UInt8] = []
        for (index, part) in parts.enumerated() {
            if allowsIPv4, index == parts.count - 1, part.contains(".") {
                guard let v4 = parseIPv4(part) else { return nil }
                bytes += v4
                continue
            }
            guard (1...4).contains(part.count), part.allSatisfy(\.isHexDigit), let value = UInt16(part, radix: 16)
            else { return nil }
            bytes += [UInt8(value >> 8), UInt8(value & 0xFF)]
        }
        return bytes
    }
}
