/// A block of IP addresses written in CIDR notation: `203.0.113.0/24`, `2001:db8::/32`, or a single address.
///
/// Used for `receiver.allowed_networks`. An IPv4 block also matches the same address written as an
/// IPv4-mapped IPv6 address (`::ffff:203.0.113.7`), which is how a dual-stack listener reports IPv4 peers.
package struct CIDRBlock: Sendable, Hashable, CustomStringConvertible {
    /// The network's bytes (4 or 16), with the host bits cleared.
    package let network: [UInt8]
    /// How many leading bits are fixed: 0–32 for IPv4, 0–128 for IPv6.
    package let prefixLength: Int

    package var isIPv4: Bool { network.count == 4 }

    /// Parses `"address/prefix"` or a bare address (a block of one). Host bits after the prefix are cleared, so
    /// `203.0.113.7/24` is the block `203.0.113.0/24`.
    package init(parsing text: String) throws(CIDRBlockError) {
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard let address = IPAddressBytes.parse(String(parts[0])) else {
            throw CIDRBlockError(text: text, reason: "\"\(parts[0])\" is not an IPv4 or IPv6 address")
        }
        let maximum = address.count * 8
        var length = maximum
        if parts.count == 2 {
            guard !parts[1].isEmpty, parts[1].allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(parts[1]),
                value <= maximum
            else {
                throw CIDRBlockError(text: text, reason: "the prefix length must be 0–\(maximum)")
            }
            length = value
        }
        self.network = Self.masked(address, prefixLength: length)
        self.prefixLength = length
    }

    /// Whether `address` (IPv4, IPv6, bracketed or with a `%zone`) lies in the block. A text that is not an address
    /// is in no block.
    package func contains(address: String) -> Bool {
        guard var bytes = IPAddressBytes.parse(address) else { return false }
        if isIPv4, bytes.count == 16, bytes.prefix(12) == Self.mappedPrefix[...] {
            bytes = Array(bytes.suffix(4))
        }
        guard bytes.count == network.count else { return false }
        return Self.masked(bytes, prefixLength: prefixLength) == network
    }

    package var description: String {
        "\(Self.format(network))/\(prefixLength)"
    }

    private static let mappedPrefix: [UInt8] = Array(repeating: 0, count: 10) + [0xFF, 0xFF]

    private static func masked(_ bytes: [UInt8], prefixLength: Int) -> [UInt8] {
        bytes.enumerated().map { index, byte in
            let fixedBits = min(max(prefixLength - index * 8, 0), 8)
            let mask: UInt8 = fixedBits == 0 ? 0 : ~UInt8(0) << (8 - fixedBits)
            return byte & mask
        }
    }

    /// Dotted decimal for IPv4; for IPv6, hex groups with the longest run of two or more zero groups as `::`.
    private static func format(_ bytes: [UInt8]) -> String {
        if bytes.count == 4 {
            return bytes.map(String.init).joined(separator: ".")
        }
        let groups = stride(from: 0, to: 16, by: 2).map { UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]) }
        var best: (start: Int, length: Int) = (0, 0)
        var start = 0
        while start < groups.count {
            var end = start
            while end < groups.count, groups[end] == 0 { end += 1 }
            if end - start > best.length { best = (start, end - start) }
            start = end + 1
        }
        let hex = groups.map { String($0, radix: 16) }
        guard best.length >= 2 else { return hex.joined(separator: ":") }
        let head = hex[..<best.start].joined(separator: ":")
        let tail = hex[(best.start + best.length)...].joined(separator: ":")
        return head + "::" + tail
    }
}

/// Why a CIDR text was refused.
package struct CIDRBlockError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The text as written.
    package let text: String
    /// What is wrong with it.
    package let reason: String

    package var description: String {
        "\"\(text)\" is not a CIDR block: \(reason); write it like \"203.0.113.0/24\" or \"2001:db8::/32\""
    }
}
