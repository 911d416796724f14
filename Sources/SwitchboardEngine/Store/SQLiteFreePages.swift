import GRDB

/// Gives a file's free pages back to the file system a step at a time (`PRAGMA incremental_vacuum`), for the store
/// and for its search index's file alike.
enum SQLiteFreePages {
    /// Up to `bytes` of schema `schema`'s free pages returned; `.keptForReuse` when the file was created without
    /// `auto_vacuum = INCREMENTAL` and can only reuse them.
    static func giveBack(_ db: Database, schema: String, bytes: Int) throws -> FreeSpace {
        let pageSize = try Int.fetchOne(db, sql: "PRAGMA \(schema).page_size") ?? 4096
        let free = try Int.fetchOne(db, sql: "PRAGMA \(schema).freelist_count") ?? 0
        guard try Int.fetchOne(db, sql: "PRAGMA \(schema).auto_vacuum") == 2 else {
            return .keptForReuse(bytes: free * pageSize)
        }
        guard free > 0, bytes > 0 else { return .returned(bytes: 0, left: free * pageSize) }
        try db.execute(sql: "PRAGMA \(schema).incremental_vacuum(\(max(1, bytes / pageSize)))")
        let left = try Int.fetchOne(db, sql: "PRAGMA \(schema).freelist_count") ?? 0
        if left == 0 {
            // In WAL mode the file shrinks when the WAL is checkpointed; a passive one waits for nobody.
            _ = try Row.fetchAll(db, sql: "PRAGMA \(schema).wal_checkpoint(PASSIVE)")
        }
        return .returned(bytes: (free - left) * pageSize, left: left * pageSize)
    }
}
