import Foundation
import GRDB

/// Soft locks in SQLite: one row per console, replaced as it moves from text to text. Other processes on the same
/// file notice through `PRAGMA data_version`, like every other change.
extension SQLiteStore {
    package func markComposing(
        consoleID: String, transactionID: String?, operatorName: String, now: Date, ttl: Duration
    ) async throws {
        let previous = try await immediateWrite { db -> String? in
            let previous = try String.fetchOne(
                db, sql: "SELECT transaction_id FROM composing_mark WHERE console_id = ?", arguments: [consoleID])
            guard let transactionID else {
                try db.execute(sql: "DELETE FROM composing_mark WHERE console_id = ?", arguments: [consoleID])
                try SQLiteChanges.touch(
                    db, transactionIDs: previous.map { [$0] } ?? [], change: try SQLiteChanges.advance(db))
                return previous
            }
            let stamp = now.timeIntervalSince1970
            try db.execute(
                sql: """
                    INSERT INTO composing_mark (console_id, transaction_id, operator, since, until)
                    VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT(console_id) DO UPDATE SET
                        since = CASE WHEN transaction_id = excluded.transaction_id THEN since ELSE excluded.since END,
                        transaction_id = excluded.transaction_id, operator = excluded.operator,
                        until = excluded.until
                    """,
                arguments: [consoleID, transactionID, operatorName, stamp, stamp + ttl.timeInterval])
            try SQLiteChanges.touch(
                db, transactionIDs: Set([previous, transactionID].compactMap { $0 }).sorted(),
                change: try SQLiteChanges.advance(db))
            return previous
        }
        for id in Set([previous, transactionID].compactMap { $0 }).sorted() { broadcaster.publish(.updated(id)) }
    }

    package func composingMarks(now: Date) async throws -> [ComposingMark] {
        try await pool.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM composing_mark WHERE until > ? ORDER BY since, console_id",
                arguments: [now.timeIntervalSince1970]
            ).map { row in
                ComposingMark(
                    consoleID: row["console_id"], transactionID: row["transaction_id"], operatorName: row["operator"],
                    since: Date(timeIntervalSince1970: row["since"]), until: Date(timeIntervalSince1970: row["until"]))
            }
        }
    }
}
