import GRDB

/// The change position of SQLite's texts: one counter in `store_counter`, advanced once inside each write
/// transaction that touches a text and written to every text it touches (`change_seq`). SQLite runs one write
/// transaction at a time, so positions are handed out in commit order and a reader that read up to position C has
/// seen every commit numbered C or less.
enum SQLiteChanges {
    /// Advances the counter and returns the new position; call inside the write transaction.
    static func advance(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(
            db, sql: "UPDATE store_counter SET value = value + 1 WHERE name = 'change' RETURNING value") ?? 0
    }

    /// The position of the last committed change, as this read sees it.
    static func current(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT value FROM store_counter WHERE name = 'change'") ?? 0
    }

    /// Moves texts to `change` without changing anything else (their journal or a soft lock on them changed).
    static func touch(_ db: Database, transactionIDs: [String], change: Int64) throws {
        for id in transactionIDs {
            try db.execute(
                sql: "UPDATE inbound_transaction SET change_seq = ? WHERE id = ?", arguments: [change, id])
        }
    }

    /// The counts by stored state.
    static func counts(_ db: Database) throws -> InboxCounts {
        let rows = try Row.fetchAll(db, sql: "SELECT name, value FROM store_counter WHERE name LIKE 'state:%'")
        return InboxCounts(counters: rows.map { (name: $0["name"], value: $0["value"]) })
    }
}
