import Foundation
import GRDB

/// The search index is filled after the callbacks' commits, by the receiver (``SearchIndexer``), in batches, and
/// emptied of removed texts the same way: see ``SQLiteScaleSchema``.
extension SQLiteStore {
    package func indexForSearch(receivedBefore: Date, limit: Int) async throws -> Int {
        let before = receivedBefore.timeIntervalSince1970
        let limit = max(1, limit)
        return try await immediateWrite { db -> Int in
            // Removed texts first: a rowid handed out again is indexed only after its old entry is gone.
            let removed = try Self.takeOutRemoved(db, limit: limit)
            guard removed < limit else {
                try SQLiteSearchMerging.merge(db, afterChanging: removed)
                return removed
            }
            // Every text up to the horizon is indexed (the delete trigger keeps it below rowids handed out again).
            let horizon =
                try Int64.fetchOne(db, sql: "SELECT value FROM store_counter WHERE name = 'search_indexed'") ?? 0
            // In arrival order, up to the first text still too new.
            let candidates = try Row.fetchAll(
                db, sql: "SELECT rowid, received_at FROM inbound_transaction WHERE rowid > ? ORDER BY rowid LIMIT ?",
                arguments: [horizon, limit - removed])
            let ready = candidates.prefix { ($0[1] as Double) < before }
            guard let last = ready.last.map({ $0[0] as Int64 }) else {
                try SQLiteSearchMerging.merge(db, afterChanging: removed)
                return removed
            }
            try db.execute(
                sql: """
                    INSERT INTO inbound_search (rowid, message, id, tagg)
                    SELECT rowid, message, id, tagg FROM inbound_transaction WHERE rowid > ? AND rowid <= ?
                    """,
                arguments: [horizon, last])
            try db.execute(sql: "UPDATE store_counter SET value = ? WHERE name = 'search_indexed'", arguments: [last])
            try SQLiteSearchMerging.merge(db, afterChanging: removed + ready.count)
            return removed + ready.count
        }
    }

    package func unindexRemoved(limit: Int) async throws -> Int {
        try await immediateWrite { db in
            let removed = try Self.takeOutRemoved(db, limit: max(1, limit))
            try SQLiteSearchMerging.merge(db, afterChanging: removed)
            return removed
        }
    }

    /// Takes up to `limit` removed texts out of the index (FTS5's 'delete' needs the values it indexed).
    private static func takeOutRemoved(_ db: Database, limit: Int) throws -> Int {
        guard
            let last = try Int64.fetchOne(
                db, sql: "SELECT MAX(rowid) FROM (SELECT rowid FROM search_removed ORDER BY rowid LIMIT ?)",
                arguments: [limit])
        else { return 0 }
        try db.execute(
            sql: """
                INSERT INTO inbound_search (inbound_search, rowid, message, id, tagg)
                SELECT 'delete', rowid, message, id, tagg FROM search_removed WHERE rowid <= ?
                """,
            arguments: [last])
        try db.execute(sql: "DELETE FROM search_removed WHERE rowid <= ?", arguments: [last])
        return db.changesCount
    }
}
