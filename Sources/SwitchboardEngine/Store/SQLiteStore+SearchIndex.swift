import Foundation
import GRDB

/// The search index is filled after the callbacks' commits, by the receiver (``SearchIndexer``), in batches: see
/// ``SQLiteScaleSchema``.
extension SQLiteStore {
    package func indexForSearch(receivedBefore: Date, limit: Int) async throws -> Int {
        let before = receivedBefore.timeIntervalSince1970
        return try await immediateWrite { db -> Int in
            // Every text up to the horizon is indexed (the delete trigger keeps it below rowids handed out again).
            let horizon =
                try Int64.fetchOne(db, sql: "SELECT value FROM store_counter WHERE name = 'search_indexed'") ?? 0
            // In arrival order, up to the first text still too new.
            let candidates = try Row.fetchAll(
                db, sql: "SELECT rowid, received_at FROM inbound_transaction WHERE rowid > ? ORDER BY rowid LIMIT ?",
                arguments: [horizon, max(1, limit)])
            let ready = candidates.prefix { ($0[1] as Double) < before }
            guard let last = ready.last.map({ $0[0] as Int64 }) else { return 0 }
            try db.execute(
                sql: """
                    INSERT INTO inbound_search (rowid, message, id, tagg)
                    SELECT rowid, message, id, tagg FROM inbound_transaction WHERE rowid > ? AND rowid <= ?
                    """,
                arguments: [horizon, last])
            try Self.setSearchHorizon(db, last)
            return ready.count
        }
    }

    private static func setSearchHorizon(_ db: Database, _ rowid: Int64) throws {
        try db.execute(sql: "UPDATE store_counter SET value = ? WHERE name = 'search_indexed'", arguments: [rowid])
    }
}
