import Foundation
import NIOSSL
import PostgresNIO

/// Where a PostgreSQL store is and how to reach it, read from `postgres://user:password@host:5432/database`
/// (`?sslmode=disable|prefer|require`, `prefer` by default, as with libpq).
package struct PostgresEndpoint: Sendable {
    enum TLSMode: String, Sendable {
        case disable, prefer, require
    }

    var host: String
    var port: Int
    var username: String
    var password: String?
    var database: String?
    var tls: TLSMode
    /// How long a connection attempt may take before the store reports itself unavailable.
    var connectTimeout: Duration = .seconds(5)

    package init(url: String) throws(StoreError) {
        guard let components = URLComponents(string: url), let host = components.host, !host.isEmpty else {
            throw .unavailable("the PostgreSQL URL cannot be read")
        }
        self.host = host
        port = components.port ?? 5432
        username = components.user ?? "postgres"
        password = components.password
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        database = path.isEmpty ? nil : path
        let mode = components.queryItems?.first { $0.name == "sslmode" }?.value ?? "prefer"
        guard let tls = TLSMode(rawValue: mode) else {
            throw .unavailable("sslmode=\(mode) is not supported; use disable, prefer or require")
        }
        self.tls = tls
    }

    /// The place, without user or password, for messages.
    var displayName: String { "postgres://\(host):\(port)/\(database ?? "")" }

    /// The pooled client's configuration.
    var clientConfiguration: PostgresClient.Configuration {
        let tlsSetting: PostgresClient.Configuration.TLS =
            switch tls {
            case .disable: .disable
            case .prefer: .prefer(.makeClientConfiguration())
            case .require: .require(.makeClientConfiguration())
            }
        var configuration = PostgresClient.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: tlsSetting)
        configuration.options.connectTimeout = connectTimeout
        configuration.options.additionalStartupParameters = [("application_name", "switchboard")]
        return configuration
    }

    /// A single connection's configuration (the change listener's).
    package func connectionConfiguration(applicationName: String) throws -> PostgresConnection.Configuration {
        let tlsSetting: PostgresConnection.Configuration.TLS =
            switch tls {
            case .disable: .disable
            case .prefer: .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
            case .require: .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
            }
        var configuration = PostgresConnection.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: tlsSetting)
        configuration.options.connectTimeout = .seconds(connectTimeout.components.seconds)
        configuration.options.additionalStartupParameters = [("application_name", applicationName)]
        return configuration
    }
}

/// PostgreSQL errors as store errors. `PSQLError`'s own description hides everything (it may hold data), so the
/// server's message or the error's code is used. A row this version cannot read (``StoredValueError``) stays what
/// it is: the store answered, so it is not unavailable.
package enum PostgresErrors {
    static func storeError(_ error: any Error) -> any Error {
        if let error = error as? StoreError { return error }
        if let error = error as? StoredValueError { return error }
        if let error = error as? PostgresTransactionError {
            if let inner = error.closureError ?? error.beginError ?? error.commitError { return storeError(inner) }
        }
        return StoreError.unavailable(describe(error))
    }

    /// Whether the server itself refused the statement (a constraint, a lock timeout), as opposed to the
    /// connection failing or never being made.
    static func isServerError(_ error: any Error) -> Bool {
        if let error = error as? PostgresTransactionError {
            guard let inner = error.closureError ?? error.beginError ?? error.commitError else { return false }
            return isServerError(inner)
        }
        return (error as? PSQLError)?.serverInfo != nil
    }

    package static func describe(_ error: any Error) -> String {
        guard let error = error as? PSQLError else { return "\(error)" }
        if let message = error.serverInfo?[.message] {
            return "\(message) (SQLSTATE \(error.serverInfo?[.sqlState] ?? "?"))"
        }
        if let underlying = error.underlying { return "\(error.code): \(underlying)" }
        return "\(error.code)"
    }
}
