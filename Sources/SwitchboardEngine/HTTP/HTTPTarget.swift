/// A plain-HTTP endpoint split for a raw connection: host, port, and the request target. Only `http://` URLs are
/// taken (``KeepAliveHTTPConnection`` speaks no TLS); anything else is nil.
package struct HTTPTarget: Sendable, Hashable {
    package var host: String
    package var port: Int
    /// The path (and query), as the request line carries it.
    package var path: String

    package init?(url: String) {
        let scheme = "http://"
        guard url.lowercased().hasPrefix(scheme) else { return nil }
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
            guard let port = Self.port(after) else { return nil }
            self.port = port
        } else if let colon = authority.lastIndex(of: ":") {
            host = String(authority[..<colon])
            guard let port = Self.port(authority[colon...]) else { return nil }
            self.port = port
        } else {
            host = String(authority)
            port = 80
        }
        guard !host.isEmpty else { return nil }
        self.path = path
    }

    /// `:8080` → 8080, empty → 80, anything else → nil.
    private static func port(_ text: Substring) -> Int? {
        if text.isEmpty { return 80 }
        guard text.first == ":", let port = Int(text.dropFirst()), (1...65535).contains(port) else { return nil }
        return port
    }

    /// The `Host` header: the port is left out when it is the default.
    package var hostHeader: String {
        let name = host.contains(":") ? "[\(host)]" : host
        return port == 80 ? name : "\(name):\(port)"
    }
}
