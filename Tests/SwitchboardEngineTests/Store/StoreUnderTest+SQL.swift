import Foundation
import GRDB
import PostgresNIO

@testable import SwitchboardEngine

extension StoreUnderTest {
    /// Runs one statement on the store's database behind its back, as someone editing it by hand (or a newer
    /// version) would.
    func executeBehindTheStore(_ sql: String) async throws {
        switch location {
        case .sqlite(let path):
            let queue = try DatabaseQueue(path: path)
            try await queue.write { try $0.execute(sql: sql) }
            try queue.close()
        case .postgres(let url): try await Self.executeOnPostgres(sql, url: url.reveal())
        }
    }

    /// Runs one statement on a PostgreSQL connection of its own, as an administrator would.
    static func executeOnPostgres(_ sql: String, url: String) async throws {
        let endpoint = try PostgresEndpoint(url: url)
        let connection = try await PostgresConnection.connect(
            configuration: try endpoint.connectionConfiguration(applicationName: "switchboard-tests"), id: 0,
            logger: PostgresStore.silentLogger)
        do {
            try await connection.query(PostgresQuery(unsafeSQL: sql), logger: PostgresStore.silentLogger)
        } catch {
            try? await connection.close()
            throw error
        }
        try await connection.close()
    }
}
