/// Where the callback receiver listens: `host:port`, with an IPv6 host in brackets (`[::1]:8080`).
package struct ListenAddress: Sendable, Hashable, CustomStringConvertible {
    /// The host without brackets: an IPv4 or IPv6 address, or a host name such as `localhost`.
    package let host: String
    /// The TCP port; 0 asks the system for a free one.
    package let port: Int

    package init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Parses `"127.0.0.1:8080"`, `"[::1]:8080"`, `"0.0.0.0:80"` or `"localhost:8080"`.
    package init(parsing text: String) throws(ListenAddressError) {
        let hostPart: Substring
        let portPart: Substring
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { throw .malformed(text) }
            hostPart = text[text.index(after: text.startIndex)..<close]
            let rest = text[text.index(after: close)...]
            guard rest.hasPrefix(":") else { throw .missingPort(text) }
            portPart = rest.dropFirst()
            guard IPAddressBytes.parseIPv6(hostPart) != nil else { throw .badHost(text) }
        } else {
            guard let colon = text.lastIndex(of: ":") else { throw .missingPort(text) }
            hostPart = text[..<colon]
            portPart = text[text.index(after: colon)...]
            if hostPart.contains(":") { throw .unbracketedIPv6(text) }
            guard Self.isHostName(hostPart) else { throw .badHost(text) }
        }
        guard !portPart.isEmpty, portPart.allSatisfy({ $0.isASCII && $0.isNumber }), let port = Int(portPart),
            port <= 65_535
        else { throw .badPort(text) }
        self.host = String(hostPart)
        self.port = port
    }

    package var description: String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    /// An IPv4 address or a DNS name: letters, digits, `-` and `.`.
    private static func isHostName(_ text: Substring) -> Bool {
        !text.isEmpty && text.count <= 253
            && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == ".") }
    }
}

/// Why a listen address was refused; the `description` says how to write it.
package enum ListenAddressError: Error, Equatable, Sendable, CustomStringConvertible {
    case malformed(String)
    case missingPort(String)
    case badHost(String)
    case badPort(String)
    case unbracketedIPv6(String)

    package var description: String {
        let example = #"write it like "127.0.0.1:8080" or "[::1]:8080""#
        switch self {
        case .malformed(let text):
            return "\"\(text)\" is not a host:port address; \(example)"
        case .missingPort(let text):
            return "\"\(text)\" has no port; \(example)"
        case .badHost(let text):
            return "\"\(text)\" does not start with a valid host; \(example)"
        case .badPort(let text):
            return "\"\(text)\" does not end with a port 0–65535; \(example)"
        case .unbracketedIPv6(let text):
            return "\"\(text)\": put an IPv6 address in brackets, like \"[::1]:8080\""
        }
    }
}
