import Foundation
import Logging
import PostgresNIO

/// Following the inbox in PostgreSQL. Transaction ids are handed out when a transaction starts writing, not when
/// it commits, so a reader cannot just remember the highest id it saw: a transaction with a lower id may commit
/// after it. Each read runs in a `REPEATABLE READ` snapshot and returns that snapshot's `xmin` as the next cursor:
/// every transaction below it had finished (its rows are in this read), any at or above it is asked for again next
/// time. A transaction that commits late is read late, never skipped; the price is that rows written since the
/// oldest transaction still running are read again, which applying them makes harmless.
extension PostgresStore {
    package func inboxSnapshot(receivedSince: Date) async throws -> InboxRead {
        let since = receivedSince.timeIntervalSince1970
        return try await snapshotRead(timeout: timeouts.bulk) { [self] connection, horizon in
            let rows = try await connection.query(
                """
                SELECT \(unescaped: PostgresRows.transactionColumns) FROM inbound_transaction
                WHERE received_at >= \(since) ORDER BY received_at, id
                """, logger: logger
            ).map(PostgresRows.transaction)
            return InboxRead(
                transactions: rows, cursor: ChangeCursor(position: horizon),
                counts: try await Self.counts(connection, logger: logger))
        }
    }

    package func inboxChanges(since cursor: ChangeCursor, receivedSince: Date) async throws -> InboxRead {
        let since = receivedSince.timeIntervalSince1970
        return try await snapshotRead { [self] connection, horizon in
            let rows = try await connection.query(
                """
                SELECT \(unescaped: PostgresRows.transactionColumns) FROM inbound_transaction
                WHERE change_xid >= \(cursor.position) AND received_at >= \(since)
                """, logger: logger
            ).map(PostgresRows.transaction)
            return InboxRead(
                transactions: rows, cursor: ChangeCursor(position: horizon),
                counts: try await Self.counts(connection, logger: logger))
        }
    }

    package func inboxCounts() async throws -> InboxCounts {
        try await read { [self] connection in try await Self.counts(connection, logger: logger) }
    }

    /// Runs `body` in a read-only `REPEATABLE READ` transaction, with the `xmin` of its snapshot.
    func snapshotRead<T: Sendable>(
        timeout: Duration? = nil, _ body: @escaping @Sendable (PostgresConnection, Int64) async throws -> T
    ) async throws -> T {
        try await read(timeout: timeout) { [self] connection in
            try await connection.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", logger: logger)
            do {
                // The first statement takes the snapshot every later one reads.
                let horizon =
                    try await connection.query(
                        "SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint", logger: logger
                    ).first { try $0.decode(Int64.self) } ?? 0
                let result = try await body(connection, horizon)
                try await connection.query("COMMIT", logger: logger)
                return result
            } catch {
                _ = try? await connection.query("ROLLBACK", logger: logger)
                throw error
            }
        }
    }

    static func counts(_ connection: PostgresConnection, logger: Logger) async throws -> InboxCounts {
        let rows = try await connection.query(
            "SELECT name, value FROM store_counter WHERE name LIKE 'state:%'", logger: logger
        ).map { try $0.decode((String, Int).self) }
        return InboxCounts(counters: rows.map { (name: $0.0, value: $0.1) })
    }

    /// Moves texts to this transaction's change position (their journal or a soft lock on them changed).
    func touch(_ connection: PostgresConnection, transactionIDs: [String]) async throws {
        guard !transactionIDs.isEmpty else { return }
        try await connection.query(
            """
            UPDATE inbound_transaction SET change_xid = pg_current_xact_id()::text::bigint
            WHERE id = ANY(\(transactionIDs))
            """, logger: logger)
    }
}
