import Foundation
import GRDB

/// Following the inbox in SQLite: a snapshot to start from, then only what changed since its cursor (an index on
/// `change_seq`), and counts that are read, not counted.
extension SQLiteStore {
    package func inboxSnapshot(receivedSince: Date) async throws -> InboxRead {
        try await pool.read { db in
            // One read transaction: the cursor, the rows and the counts are of the same commit.
            let cursor = try SQLiteChanges.current(db)
            let rows = try Array(
                Row.fetchCursor(
                    db,
                    sql: """
                        SELECT \(SQLiteRows.transactionColumns) FROM inbound_transaction
                        WHERE received_at >= ? ORDER BY received_at, id
                        """,
                    arguments: [receivedSince.timeIntervalSince1970]
                ).map(SQLiteRows.transaction))
            return InboxRead(
                transactions: rows, cursor: ChangeCursor(position: cursor), counts: try SQLiteChanges.counts(db))
        }
    }

    package func inboxChanges(since cursor: ChangeCursor, receivedSince: Date) async throws -> InboxRead {
        try await pool.read { db in
            let next = try SQLiteChanges.current(db)
            guard next != cursor.position else {
                return InboxRead(transactions: [], cursor: cursor, counts: try SQLiteChanges.counts(db))
            }
            let rows = try Array(
                Row.fetchCursor(
                    db,
                    sql: """
                        SELECT \(SQLiteRows.transactionColumns) FROM inbound_transaction
                        WHERE change_seq > ? AND received_at >= ?
                        """,
                    arguments: [cursor.position, receivedSince.timeIntervalSince1970]
                ).map(SQLiteRows.transaction))
            return InboxRead(
                transactions: rows, cursor: ChangeCursor(position: next), counts: try SQLiteChanges.counts(db))
        }
    }

    package func inboxCounts() async throws -> InboxCounts {
        try await pool.read { db in try SQLiteChanges.counts(db) }
    }
}
