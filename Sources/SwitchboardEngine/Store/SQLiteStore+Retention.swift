import Foundation
import GRDB

/// Retention in SQLite: each batch is one `BEGIN IMMEDIATE` transaction of plain `DELETE`s (children before their
/// parent, as the foreign keys require), small enough that a callback waiting for the write lock waits only a few
/// milliseconds; the space freed is given back afterwards in small `incremental_vacuum` steps.
extension SQLiteStore {
    /// The texts a rule lets go (``RetentionRule``), with `:before` and `:closedSince` to bind.
    static let retainedTexts = """
        received_at < :before AND (state IN (\(RetentionRule.finalStates.map { "'\($0)'" }.joined(separator: ",")))
            OR (state = 'pending' AND received_at <= :closedSince))
        """

    /// The campaigns a rule lets go, with `:before`, `:now` and `:holder` (the retention run holding the ones it has
    /// begun to remove, or NULL) to bind.
    static let retainedCampaigns = """
        created_at < :before AND state IN (\(RetentionRule.campaignStates.map { "'\($0)'" }.joined(separator: ",")))
            AND (runner_token IS NULL OR runner_until IS NULL OR runner_until <= :now OR runner_token = :holder)
        """

    package func retentionTally(_ rule: RetentionRule) async throws -> RetentionTally {
        let arguments = Self.arguments(rule, holder: nil)
        return try await pool.read { db in
            let texts = "SELECT id FROM inbound_transaction WHERE \(Self.retainedTexts)"
            let campaigns = "SELECT id FROM campaign WHERE \(Self.retainedCampaigns)"
            func count(_ sql: String) throws -> Int { try Int.fetchOne(db, sql: sql, arguments: arguments) ?? 0 }
            return RetentionTally(
                texts: try count("SELECT COUNT(*) FROM (\(texts))"),
                attempts: try count("SELECT COUNT(*) FROM reply_attempt WHERE transaction_id IN (\(texts))"),
                rawRequests: try count("SELECT COUNT(*) FROM callback_request WHERE transaction_id IN (\(texts))"),
                composingMarks: try count("SELECT COUNT(*) FROM composing_mark WHERE transaction_id IN (\(texts))"),
                campaigns: try count("SELECT COUNT(*) FROM (\(campaigns))"),
                recipients: try count("SELECT COUNT(*) FROM campaign_recipient WHERE campaign_id IN (\(campaigns))"))
        }
    }

    package func removeTexts(_ rule: RetentionRule, limit: Int, export: RetentionExport?) async throws
        -> RetentionTally
    {
        var arguments = Self.arguments(rule, holder: nil)
        arguments += ["limit": max(0, limit)]
        let bound = arguments
        let tally = try await immediateWrite { db -> RetentionTally in
            // Oldest first, along the receipt index, named: the walk stops after `limit` matches. Left to itself
            // SQLite gathered every match through the state index and sorted them, in every batch (O(n²) over a
            // large prune: 60 ms batches on 100,000 texts).
            let columns = export == nil ? "id" : SQLiteRows.transactionColumns
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT \(columns) FROM inbound_transaction INDEXED BY inbound_transaction_received
                    WHERE \(Self.retainedTexts)
                    ORDER BY received_at LIMIT :limit
                    """,
                arguments: bound)
            guard !rows.isEmpty else { return RetentionTally() }
            let ids: [String] = rows.map { $0[0] }
            let list = "(" + ids.map { _ in "?" }.joined(separator: ",") + ")"
            let idArguments = StatementArguments(ids)
            if let export {
                let entries = try Row.fetchAll(
                    db, sql: "SELECT * FROM reply_attempt WHERE transaction_id IN \(list) ORDER BY transaction_id, id",
                    arguments: idArguments
                ).map(SQLiteRows.journalEntry)
                let journals = Dictionary(grouping: entries, by: \.transactionID)
                try export(
                    RetentionBatch(
                        texts: rows.map(SQLiteRows.transaction).map {
                            RetainedText(transaction: $0, journal: journals[$0.id] ?? [])
                        }))
            }
            func delete(_ table: String, _ column: String) throws -> Int {
                try db.execute(sql: "DELETE FROM \(table) WHERE \(column) IN \(list)", arguments: idArguments)
                return db.changesCount
            }
            let marks = try delete("composing_mark", "transaction_id")
            let attempts = try delete("reply_attempt", "transaction_id")
            let raw = try delete("callback_request", "transaction_id")
            let texts = try delete("inbound_transaction", "id")
            return RetentionTally(texts: texts, attempts: attempts, rawRequests: raw, composingMarks: marks)
        }
        if !tally.isEmpty { broadcaster.publish(.external) }
        return tally
    }

    package func removeCampaigns(
        _ rule: RetentionRule, limit: Int, holder: String, lease: Duration, export: RetentionExport?
    ) async throws -> RetentionTally {
        let arguments = Self.arguments(rule, holder: holder)
        let until = rule.now.addingTimeInterval(lease.timeInterval).timeIntervalSince1970
        return try await immediateWrite { db -> RetentionTally in
            // The one this run has begun first, then the oldest.
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT * FROM campaign WHERE \(Self.retainedCampaigns)
                        ORDER BY runner_token IS :holder DESC, created_at, id LIMIT 1
                        """,
                    arguments: arguments)
            else { return RetentionTally() }
            let campaign = Self.campaign(row)
            // Held from the first batch to the last, so no runner resumes a campaign half removed.
            try db.execute(
                sql: "UPDATE campaign SET runner_token = ?, runner_until = ? WHERE id = ?",
                arguments: [holder, until, campaign.id])
            let recipients = try Row.fetchAll(
                db,
                sql: "SELECT * FROM campaign_recipient WHERE campaign_id = ? ORDER BY position LIMIT ?",
                arguments: [campaign.id, max(0, limit)]
            ).map(Self.recipient)
            var emptied = recipients.count < limit
            if !emptied {
                let more = try Bool.fetchOne(
                    db,
                    sql: "SELECT EXISTS (SELECT 1 FROM campaign_recipient WHERE campaign_id = ? AND position > ?)",
                    arguments: [campaign.id, recipients.last?.position ?? -1])
                emptied = more == false
            }
            try export?(RetentionBatch(recipients: recipients, campaigns: emptied ? [campaign] : []))
            var tally = RetentionTally()
            if let last = recipients.last {
                try db.execute(
                    sql: "DELETE FROM campaign_recipient WHERE campaign_id = ? AND position <= ?",
                    arguments: [campaign.id, last.position])
                tally.recipients = db.changesCount
            }
            if emptied {
                try db.execute(sql: "DELETE FROM campaign WHERE id = ?", arguments: [campaign.id])
                tally.campaigns = db.changesCount
            }
            return tally
        }
    }

    package func reclaimSpace(bytes: Int) async throws -> FreeSpace {
        try await pool.writeWithoutTransaction { db in
            let pageSize = try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 4096
            let free = try Int.fetchOne(db, sql: "PRAGMA freelist_count") ?? 0
            guard try Int.fetchOne(db, sql: "PRAGMA auto_vacuum") == 2 else {
                return .keptForReuse(bytes: free * pageSize)
            }
            guard free > 0, bytes > 0 else { return .returned(bytes: 0, left: free * pageSize) }
            try db.execute(sql: "PRAGMA incremental_vacuum(\(max(1, bytes / pageSize)))")
            let left = try Int.fetchOne(db, sql: "PRAGMA freelist_count") ?? 0
            if left == 0 {
                // In WAL mode the file shrinks when the WAL is checkpointed; a passive one waits for nobody.
                _ = try Row.fetchAll(db, sql: "PRAGMA wal_checkpoint(PASSIVE)")
            }
            return .returned(bytes: (free - left) * pageSize, left: left * pageSize)
        }
    }

    package func vacuum() async throws -> Bool {
        try await pool.writeWithoutTransaction { db in
            // Set before VACUUM, which rebuilds the file with it: from now on space goes back in small steps.
            try db.execute(sql: "PRAGMA auto_vacuum = INCREMENTAL")
            try db.execute(sql: "VACUUM")
            _ = try Row.fetchAll(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)")
        }
        return true
    }

    /// The named arguments of ``retainedTexts`` and ``retainedCampaigns``.
    private static func arguments(_ rule: RetentionRule, holder: String?) -> StatementArguments {
        [
            "before": rule.before.timeIntervalSince1970, "closedSince": rule.windowClosedSince.timeIntervalSince1970,
            "now": rule.now.timeIntervalSince1970, "holder": holder,
        ]
    }
}
