/// An `http://` or `https://` endpoint split for a raw connection: whether it speaks TLS, host, port, and the
/// request target. The host is kept as written: it is the name the TLS certificate must carry (and the SNI sent)
/// and the `Host` header. Anything else (another scheme, user info, a bad port) is nil.
package struct HTTPTarget: Sendable, Hashable {
    /// Whether the connection speaks TLS (`https://`).
    package var isTLS: Bool
    package var host: String
    package var port: Int
    /// The path (and query), as the request line carries it.
    package var path: String

    package init?(url: String) {
        let lowered = url.lowercased()
        let scheme: String
        if lowered.hasPrefix("http://") {
            (scheme, isTLS) = ("http://", false)
        } else if lowered.hasPrefix("https://") {
            (scheme, isTLS) = ("https://", true)
        } else {
            return nil
        }
        let defaultPort = isTLS ? 443 : 80
        let rest = url.dropFirst(scheme.count)
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        var path = String(rest.dropFirst(authority.count).prefix { $0 != "#" })
        if path.isEmpty || path.first == "?" { path = "/" + path }
        guard !authority.isEmpty, !authority.contains("@") else { return nil }
        if authority.first == "[" {
            // An IPv6 literal: [::1] or [::1]:8080.
            guard let close = authority.firstIndex(of: "]") else { return nil }
            host = String(authority[authority.index(after: authority.startIndex)..<close])
            let after = authority[authority.index(after: close)...]
            guard let port = Self.port(after, default: defaultPort) else { return nil }
            self.port = port
        } else if let colon = authority.lastIndex(of: ":") {
            host = String(authority[..<colon])
            guard let port = Self.port(authority[colon...], default: defaultPort) else { return nil }
            self.port = port
        } else {
            host = String(authority)
            port = defaultPort
        }
        guard !host.isEmpty else { return nil }
        self.path = path
    }

    /// `:8080` → 8080, empty → `defaultPort`, anything else → nil.
    private static func port(_ text: Substring, default defaultPort: Int) -> Int? {
        if text.isEmpty { return defaultPort }
        guard text.first == ":", let port = Int(text.dropFirst()), (1...65535).contains(port) else { return nil }
        return port
    }

    /// The `Host` header: the port is left out when it is the scheme's default.
    package var hostHeader: String {
        let name = host.contains(":") ? "[\(host)]" : host
        return port == (isTLS ? 443 : 80) ? name : "\(name):\(port)"
    }
}
