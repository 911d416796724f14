import Foundation
import GRDB
import Logging

/// Retention in SQLite: each batch is one `BEGIN IMMEDIATE` transaction of plain `DELETE`s, small enough that a
/// callback waiting for the write lock waits only a few milliseconds; an export is written and flushed before it,
/// outside the lock. The space freed is given back afterwards in small `incremental_vacuum` steps.
extension SQLiteStore {
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

    package func removeTexts(_ rule: RetentionRule, limit: Int, export: (any RetentionExporter)?) async throws
        -> RetentionStep
    {
        var arguments = Self.arguments(rule, holder: nil)
        arguments += ["limit": max(0, limit)]
        let bound = arguments
        let step: RetentionStep
        if let export {
            step = try await exported(through: export) {
                RetentionBatch(texts: try Self.oldestTexts(in: $0, arguments: bound))
            } remove: { db, batch in
                // The same texts, still eligible and unchanged, or nothing is removed.
                let ids = batch.texts.map(\.transaction.id)
                let now = try Self.texts(in: db, ids: ids, arguments: bound)
                guard Set(now) == Set(batch.texts) else { return nil }
                return try Self.deleteTexts(in: db, ids: ids)
            }
        } else {
            let (removed, held) = try await heldWrite { db in
                let ids = try String.fetchAll(
                    db, sql: "SELECT id FROM inbound_transaction \(Self.oldestTexts)", arguments: bound)
                return ids.isEmpty ? RetentionTally() : try Self.deleteTexts(in: db, ids: ids)
            }
            step = RetentionStep(removed: removed, held: held)
        }
        if !step.removed.isEmpty { broadcaster.publish(.external) }
        return step
    }

    package func removeCampaigns(
        _ rule: RetentionRule, limit: Int, holder: String, lease: Duration, export: (any RetentionExporter)?
    ) async throws -> RetentionStep {
        let arguments = Self.arguments(rule, holder: holder)
        let until = rule.now.addingTimeInterval(lease.timeInterval).timeIntervalSince1970
        let limit = max(1, limit)
        /// Holds the campaign for this run, from the first batch to the last (so no runner resumes a campaign half
        /// removed), and removes the batch's recipients, and the campaign once they were the last.
        @Sendable func remove(_ db: Database, _ batch: RetentionBatch, campaignID: String) throws -> RetentionTally {
            try db.execute(
                sql: "UPDATE campaign SET runner_token = ?, runner_until = ? WHERE id = ?",
                arguments: [holder, until, campaignID])
            var tally = RetentionTally()
            if let last = batch.recipients.last {
                try db.execute(
                    sql: "DELETE FROM campaign_recipient WHERE campaign_id = ? AND position <= ?",
                    arguments: [campaignID, last.position])
                tally.recipients = db.changesCount
            }
            if !batch.campaigns.isEmpty {
                try db.execute(sql: "DELETE FROM campaign WHERE id = ?", arguments: [campaignID])
                tally.campaigns = db.changesCount
            }
            return tally
        }
        guard let export else {
            let (removed, held) = try await heldWrite { db in
                guard let (campaign, batch) = try Self.campaignBatch(in: db, arguments: arguments, limit: limit)
                else { return RetentionTally() }
                return try remove(db, batch, campaignID: campaign.id)
            }
            return RetentionStep(removed: removed, held: held)
        }
        return try await exported(through: export) { db in
            try Self.campaignBatch(in: db, arguments: arguments, limit: limit)?.batch ?? RetentionBatch()
        } remove: { db, batch in
            // The same campaign, still eligible (or held by this run), the same recipients, or nothing is removed.
            guard let id = batch.recipients.first?.campaignID ?? batch.campaigns.first?.id,
                let (_, now) = try Self.campaignBatch(in: db, arguments: arguments, limit: limit, id: id),
                now.recipients == batch.recipients, now.campaigns.map(\.id) == batch.campaigns.map(\.id)
            else { return nil }
            return try remove(db, batch, campaignID: id)
        }
    }

    /// One batch with an export: reads it (no write lock), has `export` keep it (its fsync outside the lock too),
    /// then removes it in one `BEGIN IMMEDIATE` transaction (`remove`), which returns nil when the rows changed in
    /// between. Then, or when removing fails, the batch is withdrawn from the export and, after a change, read again;
    /// a few changes in a row (the store is busy with these very rows) end with an error.
    private func exported(
        through export: any RetentionExporter, read: @escaping @Sendable (Database) throws -> RetentionBatch,
        remove: @escaping @Sendable (Database, RetentionBatch) throws -> RetentionTally?
    ) async throws -> RetentionStep {
        for _ in 0..<5 {
            let batch = try await pool.read(read)
            guard !batch.texts.isEmpty || !batch.recipients.isEmpty || !batch.campaigns.isEmpty else {
                return RetentionStep()
            }
            try await export.write(batch)
            let step: (value: RetentionTally?, held: Duration)
            do {
                step = try await heldWrite { db in try remove(db, batch) }
            } catch {
                try? await export.withdraw(batch)
                throw error
            }
            if let removed = step.value { return RetentionStep(removed: removed, held: step.held) }
            try await export.withdraw(batch)
        }
        throw StoreError.unavailable("the rows retention was removing kept changing under it; run it again")
    }

    /// Runs `body` in a `BEGIN IMMEDIATE` transaction, and says how long that took, from asking for the write lock
    /// to the commit. The wait for the lock is counted on purpose: when callbacks keep the store busy, batches get
    /// smaller. (Counting only the time the lock was held let batches grow to 500, and the callbacks' p99 grew from
    /// 8 to 20–200 ms: a batch's larger commit slows the next ones down on the same disk.)
    private func heldWrite<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws
        -> (value: T, held: Duration)
    {
        let started = ContinuousClock.now
        let result = try await immediateWrite(body)
        return (result, ContinuousClock.now - started)
    }

    package func reclaimSpace(bytes: Int) async throws -> FreeSpace {
        // The search index's file first: its free pages are the entries retention took out.
        let index = try await searchIndex.giveSpaceBack(bytes: bytes)
        let store = try await pool.writeWithoutTransaction { db in
            try SQLiteFreePages.giveBack(db, schema: "main", bytes: bytes)
        }
        guard case .returned(let returned, let left) = store else { return store }
        guard case .returned(let indexReturned, let indexLeft) = index else { return store }
        return .returned(bytes: returned + indexReturned, left: left + indexLeft)
    }

    package func vacuum() async throws -> Bool {
        try await pool.writeWithoutTransaction { db in
            // Set before VACUUM, which rebuilds the file with it: from now on space goes back in small steps.
            try db.execute(sql: "PRAGMA auto_vacuum = INCREMENTAL")
            // A new search epoch first: if this run stops before the index is rebuilt, the next opening rebuilds it.
            try db.execute(sql: "UPDATE store_counter SET value = abs(random()) WHERE name = 'search_epoch'")
            try db.execute(sql: "VACUUM")
            _ = try Row.fetchAll(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)")
        }
        // VACUUM may renumber the rowids of a table without an INTEGER PRIMARY KEY, and the search index is keyed
        // by them: build it again from the table.
        try await searchIndex.rebuild(logger: Logger(label: "switchboard.store"))
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
