/// Where the store lives, from `store.url`: an SQLite file (`sqlite:PATH`) or a PostgreSQL server
/// (`postgres://user:pass@host:5432/db`, also spelled `postgresql://`).
///
/// A PostgreSQL URL may hold a password, so it is kept as a ``Secret``; `description` shows it with the
/// password hidden.
package enum StoreLocation: Sendable, Hashable, CustomStringConvertible {
    /// An SQLite database file; the path is as written (relative paths are relative to the working directory).
    case sqlite(path: String)
    /// A PostgreSQL connection URL; `reveal()` it only to connect.
    case postgres(url: Secret)

    /// The default: `switchboard.sqlite` in the working directory.
    package static let defaultURL = "sqlite:switchboard.sqlite"

    /// Parses a `store.url` value.
    package init(parsing text: String) throws(StoreLocationError) {
        let lowered = text.lowercased()
        if lowered.hasPrefix("sqlite:") {
            var path = String(text.dropFirst("sqlite:".count))
            if path.hasPrefix("//") { path.removeFirst(2) }
            guard !path.isEmpty else { throw .emptySQLitePath }
            self = .sqlite(path: path)
        } else if lowered.hasPrefix("postgres://") || lowered.hasPrefix("postgresql://") {
            let rest = text.drop { $0 != "/" }.dropFirst(2)
            let authority = rest.prefix { $0 != "/" && $0 != "?" }
            let hostPart = authority.lastIndex(of: "@").map { authority[authority.index(after: $0)...] } ?? authority
            guard !hostPart.isEmpty, !hostPart.hasPrefix(":") else { throw .postgresWithoutHost }
            self = .postgres(url: Secret(text))
        } else {
            throw .unknownScheme(Self.scheme(of: text))
        }
    }

    package var description: String {
        switch self {
        case .sqlite(let path):
            return "sqlite:\(path)"
        case .postgres(let url):
            return Self.redacted(url.reveal())
        }
    }

    /// The part before `:`, or a generic word when there is none: safe to print, since a password comes later.
    private static func scheme(of text: String) -> String? {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let scheme = text[..<colon]
        guard !scheme.isEmpty, scheme.count <= 20, scheme.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" })
        else { return nil }
        return String(scheme)
    }

    /// The URL with the password (between `user:` and `@`) replaced by `••••`.
    private static func redacted(_ url: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return url }
        let afterScheme = url[schemeEnd.upperBound...]
        let authorityEnd = afterScheme.firstIndex { $0 == "/" || $0 == "?" } ?? afterScheme.endIndex
        let authority = afterScheme[..<authorityEnd]
        guard let at = authority.lastIndex(of: "@") else { return url }
        let userInfo = authority[..<at]
        let user = userInfo.prefix { $0 != ":" }
        let hidden = user.count < userInfo.count ? "\(user):••••" : String(user)
        return String(url[..<schemeEnd.upperBound]) + hidden + String(url[at...])
    }
}

/// Why a `store.url` was refused. It never repeats the URL, which may hold a password.
package enum StoreLocationError: Error, Equatable, Sendable, CustomStringConvertible {
    case emptySQLitePath
    case postgresWithoutHost
    case unknownScheme(String?)

    package var description: String {
        let forms = #"use "sqlite:PATH" or "postgres://user:password@host:5432/database""#
        switch self {
        case .emptySQLitePath:
            return "the SQLite path is empty; \(forms)"
        case .postgresWithoutHost:
            return "the PostgreSQL URL has no host; \(forms)"
        case .unknownScheme(let scheme?):
            return "\"\(scheme):\" is not a supported store; \(forms)"
        case .unknownScheme(nil):
            return "the value is not a store URL; \(forms)"
        }
    }
}
