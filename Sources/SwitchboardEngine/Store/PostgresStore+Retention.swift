import Foundation
import Logging
import PostgresNIO

/// Retention in PostgreSQL: each batch is one transaction of plain `DELETE`s on rows it has locked first
/// (`FOR UPDATE SKIP LOCKED`, so it never waits for a claim another process holds, and never takes one it should not:
/// a row claimed meanwhile is `replying`, which the rule keeps). The server's autovacuum reclaims the space.
///
/// An export is written inside the transaction (it holds only the batch's row locks). A `DELETE` that fails rolls the
/// transaction back, and the batch is withdrawn from the export; a commit that fails, or does not answer in time, is
/// not: the server may still have committed it, and a text kept in the export though still in the store (a later
/// prune writes it again) is better than one removed and kept nowhere.
extension PostgresStore {
    package func retentionTally(_ rule: RetentionRule) async throws -> RetentionTally {
        let (before, closedSince, now) = Self.stamps(rule)
        let finals = RetentionRule.finalStates
        let states = RetentionRule.campaignStates
        return try await read(timeout: timeouts.bulk) { [self] connection in
            let counts = try await connection.query(
                """
                WITH t AS (
                    SELECT id FROM inbound_transaction WHERE received_at < \(before)
                        AND (state = ANY(\(finals)) OR (state = 'pending' AND received_at <= \(closedSince)))),
                c AS (
                    SELECT id FROM campaign WHERE created_at < \(before) AND state = ANY(\(states))
                        AND (runner_token IS NULL OR runner_until IS NULL OR runner_until <= \(now)))
                SELECT (SELECT COUNT(*) FROM t),
                    (SELECT COUNT(*) FROM reply_attempt WHERE transaction_id IN (SELECT id FROM t)),
                    (SELECT COUNT(*) FROM callback_request WHERE transaction_id IN (SELECT id FROM t)),
                    (SELECT COUNT(*) FROM composing_mark WHERE transaction_id IN (SELECT id FROM t)),
                    (SELECT COUNT(*) FROM c),
                    (SELECT COUNT(*) FROM campaign_recipient WHERE campaign_id IN (SELECT id FROM c))
                """, logger: logger
            ).first { try $0.decode((Int, Int, Int, Int, Int, Int).self) }
            guard let counts else { return RetentionTally() }
            return RetentionTally(
                texts: counts.0, attempts: counts.1, rawRequests: counts.2, composingMarks: counts.3,
                campaigns: counts.4, recipients: counts.5)
        }
    }

    package func removeTexts(_ rule: RetentionRule, limit: Int, export: (any RetentionExporter)?) async throws
        -> RetentionStep
    {
        let started = ContinuousClock.now
        let (before, closedSince, _) = Self.stamps(rule)
        let finals = RetentionRule.finalStates
        let columns = export == nil ? "id" : PostgresRows.transactionColumns
        let tally = try await write { [self] connection -> RetentionTally in
            let rows: [PostgresRow] = try await connection.query(
                """
                SELECT \(unescaped: columns) FROM inbound_transaction WHERE received_at < \(before)
                    AND (state = ANY(\(finals)) OR (state = 'pending' AND received_at <= \(closedSince)))
                ORDER BY received_at LIMIT \(max(0, limit))
                FOR UPDATE SKIP LOCKED
                """, logger: logger
            ).map { $0 }
            guard !rows.isEmpty else { return RetentionTally() }
            let ids = try rows.map { try $0.makeRandomAccess()[0].decode(String.self) }
            var exported: RetentionBatch?
            if let export {
                let entries = try await connection.query(
                    """
                    SELECT \(unescaped: PostgresRows.journalColumns) FROM reply_attempt
                    WHERE transaction_id = ANY(\(ids)) ORDER BY transaction_id, id
                    """, logger: logger
                ).map(PostgresRows.journalEntry)
                let journals = Dictionary(grouping: entries, by: \.transactionID)
                let batch = RetentionBatch(
                    texts: try rows.map(PostgresRows.transaction).map {
                        RetainedText(transaction: $0, journal: journals[$0.id] ?? [])
                    })
                try await export.write(batch)
                exported = batch
            }
            do {
                let marks = try await Self.delete(connection, "composing_mark", "transaction_id", ids, logger: logger)
                let attempts = try await Self.delete(connection, "reply_attempt", "transaction_id", ids, logger: logger)
                let raw = try await Self.delete(connection, "callback_request", "transaction_id", ids, logger: logger)
                let texts = try await Self.delete(connection, "inbound_transaction", "id", ids, logger: logger)
                try await notify(connection, .external)
                return RetentionTally(texts: texts, attempts: attempts, rawRequests: raw, composingMarks: marks)
            } catch {
                if let exported { try? await export?.withdraw(exported) }
                throw error
            }
        }
        if !tally.isEmpty { broadcaster.publish(.external) }
        return RetentionStep(removed: tally, held: ContinuousClock.now - started)
    }

    package func removeCampaigns(
        _ rule: RetentionRule, limit: Int, holder: String, lease: Duration, export: (any RetentionExporter)?
    ) async throws -> RetentionStep {
        let (before, _, now) = Self.stamps(rule)
        let until = rule.now.addingTimeInterval(lease.timeInterval).timeIntervalSince1970
        let states = RetentionRule.campaignStates
        let limit = max(1, limit)
        let started = ContinuousClock.now
        let tally = try await write { [self] connection -> RetentionTally in
            // The one this run has begun first, then the oldest.
            guard
                let campaign = try await connection.query(
                    """
                    SELECT \(unescaped: PostgresRows.campaignColumns) FROM campaign
                    WHERE created_at < \(before) AND state = ANY(\(states))
                        AND (runner_token IS NULL OR runner_until IS NULL OR runner_until <= \(now)
                            OR runner_token = \(holder))
                    ORDER BY runner_token IS NOT DISTINCT FROM \(holder) DESC, created_at, id LIMIT 1
                    FOR UPDATE SKIP LOCKED
                    """, logger: logger
                ).first(PostgresRows.campaign)
            else { return RetentionTally() }
            // Held from the first batch to the last, so no runner resumes a campaign half removed.
            try await connection.query(
                "UPDATE campaign SET runner_token = \(holder), runner_until = \(until) WHERE id = \(campaign.id)",
                logger: logger)
            let recipients = try await connection.query(
                """
                SELECT \(unescaped: PostgresRows.recipientColumns) FROM campaign_recipient
                WHERE campaign_id = \(campaign.id) ORDER BY position LIMIT \(limit)
                """, logger: logger
            ).map(PostgresRows.recipient)
            let last = recipients.last?.position ?? -1
            var emptied = recipients.count < limit
            if !emptied {
                let more = try await connection.query(
                    """
                    SELECT EXISTS (SELECT 1 FROM campaign_recipient WHERE campaign_id = \(campaign.id)
                        AND position > \(last))
                    """, logger: logger
                ).first { try $0.decode(Bool.self) }
                emptied = more == false
            }
            let batch = RetentionBatch(recipients: recipients, campaigns: emptied ? [campaign] : [])
            try await export?.write(batch)
            do {
                var tally = RetentionTally()
                if !recipients.isEmpty {
                    tally.recipients =
                        try await connection.query(
                            """
                            WITH d AS (DELETE FROM campaign_recipient WHERE campaign_id = \(campaign.id)
                                AND position <= \(last) RETURNING 1)
                            SELECT COUNT(*) FROM d
                            """, logger: logger
                        ).first { try $0.decode(Int.self) } ?? 0
                }
                if emptied {
                    tally.campaigns = try await Self.delete(connection, "campaign", "id", [campaign.id], logger: logger)
                }
                return tally
            } catch {
                try? await export?.withdraw(batch)
                throw error
            }
        }
        return RetentionStep(removed: tally, held: ContinuousClock.now - started)
    }

    package func reclaimSpace(bytes: Int) async throws -> FreeSpace { .managedByServer }

    package func vacuum() async throws -> Bool { false }

    /// The rule's moments as stored (epoch seconds): before, the pending texts' window cut-off, now.
    private static func stamps(_ rule: RetentionRule) -> (Double, Double, Double) {
        (
            rule.before.timeIntervalSince1970, rule.windowClosedSince.timeIntervalSince1970,
            rule.now.timeIntervalSince1970
        )
    }

    /// Deletes the rows of `table` whose `column` is one of `ids`; returns how many (rows removed by triggers are
    /// not counted).
    private static func delete(
        _ connection: PostgresConnection, _ table: String, _ column: String, _ ids: [String], logger: Logger
    ) async throws -> Int {
        try await connection.query(
            """
            WITH d AS (DELETE FROM \(unescaped: table) WHERE \(unescaped: column) = ANY(\(ids)) RETURNING 1)
            SELECT COUNT(*) FROM d
            """, logger: logger
        ).first { try $0.decode(Int.self) } ?? 0
    }
}
