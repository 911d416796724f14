import Foundation
import Logging
import PostgresNIO

/// Campaigns in PostgreSQL. Every change is one transaction that locks the campaign's row before its recipients'
/// (a runner's step begins by renewing its lease, which is that lock); a runner's claims are committed before
/// their POSTs. Campaign changes send no `NOTIFY`: broadcast screens poll.
extension PostgresStore {
    package func createCampaign(_ campaign: Campaign, recipients: [CampaignRecipient]) async throws {
        let created = campaign.createdAt.timeIntervalSince1970
        try await write(timeout: timeouts.bulk) { [self] connection in
            try await connection.query(
                """
                INSERT INTO campaign (id, created_at, operator, sender, body, rate, concurrency, state, source,
                    recipient_count, updated_at)
                VALUES (\(campaign.id), \(created), \(campaign.operatorName), \(campaign.sender), \(campaign.body),
                    \(campaign.rate.storedValue), \(campaign.concurrency), \(campaign.state.rawValue),
                    \(campaign.source), \(recipients.count), \(created))
                """, logger: logger)
            // Recipients go in as arrays, a few thousand rows per statement.
            var start = 0
            while start < recipients.count {
                let chunk = recipients[start..<min(start + 5000, recipients.count)]
                start += chunk.count
                try await connection.query(
                    """
                    INSERT INTO campaign_recipient (campaign_id, position, phone, line, body, state, updated_at)
                    SELECT \(campaign.id), r.position, r.phone, r.line, r.body, 'queued', \(created)
                    FROM unnest(\(chunk.map(\.position)), \(chunk.map(\.phone)), \(chunk.map(\.line)),
                        \(chunk.map(\.body))) AS r(position, phone, line, body)
                    """, logger: logger)
            }
        }
    }

    package func campaign(id: String) async throws -> Campaign? {
        try await read { [self] connection in
            try await connection.query(
                "SELECT \(unescaped: PostgresRows.campaignColumns) FROM campaign WHERE id = \(id)", logger: logger
            ).first(PostgresRows.campaign)
        }
    }

    package func campaigns(limit: Int) async throws -> [Campaign] {
        try await read { [self] connection in
            try await connection.query(
                """
                SELECT \(unescaped: PostgresRows.campaignColumns) FROM campaign
                ORDER BY created_at DESC, id LIMIT \(max(0, limit))
                """, logger: logger
            ).map(PostgresRows.campaign)
        }
    }

    package func campaignTally(id: String) async throws -> CampaignTally {
        try await read { [self] connection in
            var counts: [RecipientState: Int] = [:]
            let rows = try await connection.query(
                "SELECT state, COUNT(*) FROM campaign_recipient WHERE campaign_id = \(id) GROUP BY state",
                logger: logger
            ).map { try $0.decode((String, Int).self) }
            for (state, count) in rows {
                let known: RecipientState = try StoredValue.decode(
                    state, row: "campaign \(id) recipients", column: "state")
                counts[known] = count
            }
            return CampaignTally(counts: counts)
        }
    }

    package func campaignRecipients(
        id: String, states: Set<RecipientState>?, afterPosition: Int, limit: Int
    ) async throws -> [CampaignRecipient] {
        let wanted = states.map { $0.map(\.rawValue).sorted() }
        return try await read { [self] connection in
            try await connection.query(
                """
                SELECT \(unescaped: PostgresRows.recipientColumns) FROM campaign_recipient
                WHERE campaign_id = \(id) AND position > \(afterPosition)
                    AND (\(wanted)::text[] IS NULL OR state = ANY(\(wanted)::text[]))
                ORDER BY position LIMIT \(max(0, limit))
                """, logger: logger
            ).map(PostgresRows.recipient)
        }
    }

    package func acquireCampaign(
        id: String, runnerToken: String, now: Date, lease: Duration, replacing: String?
    ) async throws
        -> CampaignAcquisition
    {
        let stamp = now.timeIntervalSince1970
        return try await write { [self] connection -> CampaignAcquisition in
            guard
                let (holder, until) = try await connection.query(
                    "SELECT runner_token, runner_until FROM campaign WHERE id = \(id) FOR UPDATE", logger: logger
                ).first({ try $0.decode((String?, Double?).self) })
            else { return .notFound }
            if let holder, holder != runnerToken, holder != replacing, let until, until > stamp {
                return .heldElsewhere(until: Date(timeIntervalSince1970: until))
            }
            let interrupted =
                try await connection.query(
                    """
                    WITH u AS (
                        UPDATE campaign_recipient SET state = 'unknown', updated_at = \(stamp),
                            detail = 'its process stopped after claiming it, before Tagget''s answer was recorded: '
                                || 'it may have been sent'
                        WHERE campaign_id = \(id) AND state = 'sending'
                        RETURNING 1)
                    SELECT COUNT(*) FROM u
                    """, logger: logger
                ).first { try $0.decode(Int.self) } ?? 0
            try await connection.query(
                """
                UPDATE campaign SET runner_token = \(runnerToken),
                    runner_until = \(now.addingTimeInterval(lease.timeInterval).timeIntervalSince1970),
                    state = 'running', updated_at = \(stamp)
                WHERE id = \(id)
                """, logger: logger)
            return .acquired(interrupted: interrupted)
        }
    }

    package func campaignStep(
        id: String, runnerToken: String, outcomes: [RecipientOutcome], claim: Int, now: Date, lease: Duration
    ) async throws -> CampaignClaim {
        let stamp = now.timeIntervalSince1970
        let until = now.addingTimeInterval(lease.timeInterval).timeIntervalSince1970
        return try await write { [self] connection -> CampaignClaim in
            let renewed = try await connection.query(
                """
                UPDATE campaign SET runner_until = \(until), updated_at = \(stamp)
                WHERE id = \(id) AND runner_token = \(runnerToken)
                RETURNING id
                """, logger: logger
            ).map { _ in true }
            guard renewed.count == 1 else { throw StoreError.campaignLost(id: id) }
            for outcome in outcomes {
                try await connection.query(
                    """
                    UPDATE campaign_recipient SET state = \(outcome.state.rawValue),
                        http_status = \(outcome.httpStatus)::bigint, detail = \(outcome.detail)::text,
                        not_before = \(outcome.notBefore?.timeIntervalSince1970)::double precision,
                        updated_at = \(stamp)
                    WHERE campaign_id = \(id) AND position = \(outcome.position) AND state = 'sending'
                    """, logger: logger)
            }
            guard claim > 0 else { return CampaignClaim(recipients: [], exhausted: false, nextRetryAt: nil) }
            // One statement claims the next ready recipients in list order and hands them back.
            let claimed = try await connection.query(
                """
                UPDATE campaign_recipient SET state = 'sending', attempts = attempts + 1, updated_at = \(stamp)
                WHERE campaign_id = \(id) AND position IN (
                    SELECT position FROM campaign_recipient
                    WHERE campaign_id = \(id) AND state = 'queued' AND (not_before IS NULL OR not_before <= \(stamp))
                    ORDER BY position LIMIT \(claim)
                    FOR UPDATE SKIP LOCKED)
                RETURNING \(unescaped: PostgresRows.recipientColumns)
                """, logger: logger
            ).map(PostgresRows.recipient).sorted { $0.position < $1.position }
            guard claimed.count < claim else {
                return CampaignClaim(recipients: claimed, exhausted: false, nextRetryAt: nil)
            }
            // Fewer than asked: what is left is only waiting retries (few), so this scan is short.
            let (waiting, next) =
                try await connection.query(
                    """
                    SELECT COUNT(*), MIN(not_before) FROM campaign_recipient
                    WHERE campaign_id = \(id) AND state = 'queued'
                    """, logger: logger
                ).first { try $0.decode((Int, Double?).self) } ?? (0, nil)
            return CampaignClaim(
                recipients: claimed, exhausted: waiting == 0, nextRetryAt: next.map(Date.init(timeIntervalSince1970:)))
        }
    }

    package func releaseCampaign(id: String, runnerToken: String, state: CampaignState, now: Date) async throws {
        try await write { [self] connection in
            try await connection.query(
                """
                UPDATE campaign SET runner_token = NULL, runner_until = NULL, state = \(state.rawValue),
                    updated_at = \(now.timeIntervalSince1970)
                WHERE id = \(id) AND runner_token = \(runnerToken)
                """, logger: logger)
        }
    }

    package func requeueCampaignRecipients(id: String, states: Set<RecipientState>, now: Date) async throws -> Int {
        let requeueable = states.filter(\.isFinal).subtracting([.sent]).map(\.rawValue).sorted()
        guard !requeueable.isEmpty else { return 0 }
        let stamp = now.timeIntervalSince1970
        return try await write(timeout: timeouts.bulk) { [self] connection -> Int in
            guard
                let (holder, until) = try await connection.query(
                    "SELECT runner_token, runner_until FROM campaign WHERE id = \(id) FOR UPDATE", logger: logger
                ).first({ try $0.decode((String?, Double?).self) })
            else { throw StoreError.campaignBusy(id: id, reason: "no such campaign") }
            if holder != nil, let until, until > stamp {
                throw StoreError.campaignBusy(id: id, reason: "another process is running it; pause or stop it first")
            }
            let count =
                try await connection.query(
                    """
                    WITH u AS (
                        UPDATE campaign_recipient SET state = 'queued', not_before = NULL, updated_at = \(stamp)
                        WHERE campaign_id = \(id) AND state = ANY(\(requeueable))
                        RETURNING 1)
                    SELECT COUNT(*) FROM u
                    """, logger: logger
                ).first { try $0.decode(Int.self) } ?? 0
            if count > 0 {
                try await connection.query(
                    "UPDATE campaign SET state = 'paused', updated_at = \(stamp) WHERE id = \(id) AND state = 'finished'",
                    logger: logger)
            }
            return count
        }
    }
}
