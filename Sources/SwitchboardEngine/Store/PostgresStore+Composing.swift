import Foundation
import Logging
import PostgresNIO

/// Soft locks in PostgreSQL: one row per console; each change notifies the texts it concerns, so every console
/// redraws them as soon as it commits.
extension PostgresStore {
    package func markComposing(
        consoleID: String, transactionID: String?, operatorName: String, now: Date, ttl: Duration
    ) async throws {
        let stamp = now.timeIntervalSince1970
        let until = stamp + ttl.timeInterval
        let touched = try await write { connection -> [String] in
            let previous = try await connection.query(
                "SELECT transaction_id FROM composing_mark WHERE console_id = \(consoleID) FOR UPDATE",
                logger: self.logger
            ).first { row in try row.decode(String.self) }
            if let transactionID {
                try await connection.query(
                    """
                    INSERT INTO composing_mark (console_id, transaction_id, operator, since, until)
                    VALUES (\(consoleID), \(transactionID), \(operatorName), \(stamp), \(until))
                    ON CONFLICT (console_id) DO UPDATE SET
                        since = CASE WHEN composing_mark.transaction_id = excluded.transaction_id
                            THEN composing_mark.since ELSE excluded.since END,
                        transaction_id = excluded.transaction_id, operator = excluded.operator,
                        until = excluded.until
                    """, logger: self.logger)
            } else {
                try await connection.query(
                    "DELETE FROM composing_mark WHERE console_id = \(consoleID)", logger: self.logger)
            }
            let touched = Set([previous, transactionID].compactMap { $0 }).sorted()
            try await self.touch(connection, transactionIDs: touched)
            for id in touched { try await self.notify(connection, .updated(id)) }
            return touched
        }
        for id in touched { broadcaster.publish(.updated(id)) }
    }

    package func composingMarks(now: Date) async throws -> [ComposingMark] {
        try await read { connection in
            try await connection.query(
                """
                SELECT console_id, transaction_id, operator, since, until FROM composing_mark
                WHERE until > \(now.timeIntervalSince1970) ORDER BY since, console_id
                """, logger: self.logger
            ).map { row in
                let (console, transaction, name, since, until) = try row.decode(
                    (String, String, String, Double, Double).self)
                return ComposingMark(
                    consoleID: console, transactionID: transaction, operatorName: name,
                    since: Date(timeIntervalSince1970: since), until: Date(timeIntervalSince1970: until))
            }
        }
    }
}
