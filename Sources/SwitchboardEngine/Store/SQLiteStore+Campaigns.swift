import Foundation
import GRDB

/// Campaigns in SQLite: `campaign` and `campaign_recipient` (migration v3). Every change is one `BEGIN IMMEDIATE`
/// transaction; a runner's claims are committed before their POSTs.
extension SQLiteStore {
    package func createCampaign(_ campaign: Campaign, recipients: [CampaignRecipient]) async throws {
        try await immediateWrite { db in
            try db.execute(
                sql: """
                    INSERT INTO campaign (id, created_at, operator, sender, body, rate, concurrency, state, source,
                        recipient_count, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    campaign.id, campaign.createdAt.timeIntervalSince1970, campaign.operatorName, campaign.sender,
                    campaign.body, campaign.rate.storedValue, campaign.concurrency, campaign.state.rawValue,
                    campaign.source, recipients.count, campaign.createdAt.timeIntervalSince1970,
                ])
            let insert = try db.makeStatement(
                sql: """
                    INSERT INTO campaign_recipient (campaign_id, position, phone, line, body, state, updated_at)
                    VALUES (?, ?, ?, ?, ?, 'queued', ?)
                    """)
            let created = campaign.createdAt.timeIntervalSince1970
            for recipient in recipients {
                try insert.execute(arguments: [
                    campaign.id, recipient.position, recipient.phone, recipient.line, recipient.body, created,
                ])
            }
        }
    }

    package func campaign(id: String) async throws -> Campaign? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM campaign WHERE id = ?", arguments: [id]).map(Self.campaign)
        }
    }

    package func campaigns(limit: Int) async throws -> [Campaign] {
        try await pool.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM campaign ORDER BY created_at DESC, id LIMIT ?", arguments: [max(0, limit)]
            ).map(Self.campaign)
        }
    }

    package func campaignTally(id: String) async throws -> CampaignTally {
        try await pool.read { db in try Self.tally(db, id: id) }
    }

    package func campaignRecipients(
        id: String, states: Set<RecipientState>?, afterPosition: Int, limit: Int
    ) async throws -> [CampaignRecipient] {
        var sql = "SELECT * FROM campaign_recipient WHERE campaign_id = ? AND position > ?"
        var arguments: StatementArguments = [id, afterPosition]
        if let states {
            sql += " AND state IN (\(states.map { _ in "?" }.joined(separator: ",")))"
            for state in states.sorted(by: { $0.rawValue < $1.rawValue }) { arguments += [state.rawValue] }
        }
        sql += " ORDER BY position LIMIT ?"
        arguments += [max(0, limit)]
        let statement = sql
        let bound = arguments
        return try await pool.read { db in
            try Row.fetchAll(db, sql: statement, arguments: bound).map(Self.recipient)
        }
    }

    package func acquireCampaign(
        id: String, runnerToken: String, now: Date, lease: Duration, replacing: String?
    ) async throws
        -> CampaignAcquisition
    {
        try await immediateWrite { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT runner_token, runner_until FROM campaign WHERE id = ?", arguments: [id])
            else { return .notFound }
            let holder: String? = row["runner_token"]
            let until = (row["runner_until"] as Double?).map(Date.init(timeIntervalSince1970:))
            if let holder, holder != runnerToken, holder != replacing, let until, until > now {
                return .heldElsewhere(until: until)
            }
            try db.execute(
                sql: """
                    UPDATE campaign_recipient SET state = 'unknown', updated_at = ?,
                        detail = 'its process stopped after claiming it, before Tagget''s answer was recorded: '
                            || 'it may have been sent'
                    WHERE campaign_id = ? AND state = 'sending'
                    """,
                arguments: [now.timeIntervalSince1970, id])
            let interrupted = db.changesCount
            try db.execute(
                sql: """
                    UPDATE campaign SET runner_token = ?, runner_until = ?, state = 'running', updated_at = ?
                    WHERE id = ?
                    """,
                arguments: [
                    runnerToken, now.addingTimeInterval(lease.timeInterval).timeIntervalSince1970,
                    now.timeIntervalSince1970, id,
                ])
            return .acquired(interrupted: interrupted)
        }
    }

    package func campaignStep(
        id: String, runnerToken: String, outcomes: [RecipientOutcome], claim: Int, now: Date, lease: Duration
    ) async throws -> CampaignClaim {
        try await immediateWrite { db in
            let stamp = now.timeIntervalSince1970
            try db.cachedStatement(
                sql: "UPDATE campaign SET runner_until = ?, updated_at = ? WHERE id = ? AND runner_token = ?"
            ).execute(
                arguments: [now.addingTimeInterval(lease.timeInterval).timeIntervalSince1970, stamp, id, runnerToken])
            guard db.changesCount == 1 else { throw StoreError.campaignLost(id: id) }
            if !outcomes.isEmpty {
                let update = try db.cachedStatement(
                    sql: """
                        UPDATE campaign_recipient SET state = ?, http_status = ?, detail = ?, not_before = ?,
                            updated_at = ?
                        WHERE campaign_id = ? AND position = ? AND state = 'sending'
                        """)
                for outcome in outcomes {
                    try update.execute(arguments: [
                        outcome.state.rawValue, outcome.httpStatus, outcome.detail,
                        outcome.notBefore?.timeIntervalSince1970, stamp, id, outcome.position,
                    ])
                }
            }
            guard claim > 0 else { return CampaignClaim(recipients: [], exhausted: false, nextRetryAt: nil) }
            // One statement claims the next ready recipients in list order and hands them back. The state index
            // is named: left to itself SQLite walks the primary key in list order from the start, past every
            // recipient already sent, so each claim cost more as the campaign went on.
            let claimed = try Row.fetchAll(
                db.cachedStatement(
                    sql: """
                        UPDATE campaign_recipient SET state = 'sending', attempts = attempts + 1, updated_at = ?
                        WHERE campaign_id = ? AND position IN (
                            SELECT position FROM campaign_recipient INDEXED BY campaign_recipient_state
                            WHERE campaign_id = ? AND state = 'queued' AND (not_before IS NULL OR not_before <= ?)
                            ORDER BY position LIMIT ?)
                        RETURNING *
                        """),
                arguments: [stamp, id, id, stamp, claim]
            ).map(Self.recipient).sorted { $0.position < $1.position }
            guard claimed.count < claim else {
                return CampaignClaim(recipients: claimed, exhausted: false, nextRetryAt: nil)
            }
            // Fewer than asked: what is left is only waiting retries (few), so this scan is short.
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT COUNT(*) AS waiting, MIN(not_before) AS next
                    FROM campaign_recipient INDEXED BY campaign_recipient_state
                    WHERE campaign_id = ? AND state = 'queued'
                    """,
                arguments: [id])
            let waiting: Int = row?["waiting"] ?? 0
            let next = (row?["next"] as Double?).map(Date.init(timeIntervalSince1970:))
            return CampaignClaim(recipients: claimed, exhausted: waiting == 0, nextRetryAt: next)
        }
    }

    package func releaseCampaign(id: String, runnerToken: String, state: CampaignState, now: Date) async throws {
        try await immediateWrite { db in
            try db.execute(
                sql: """
                    UPDATE campaign SET runner_token = NULL, runner_until = NULL, state = ?, updated_at = ?
                    WHERE id = ? AND runner_token = ?
                    """,
                arguments: [state.rawValue, now.timeIntervalSince1970, id, runnerToken])
        }
    }

    package func requeueCampaignRecipients(id: String, states: Set<RecipientState>, now: Date) async throws -> Int {
        let requeueable = states.filter(\.isFinal).subtracting([.sent])
        guard !requeueable.isEmpty else { return 0 }
        return try await immediateWrite { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT runner_token, runner_until FROM campaign WHERE id = ?", arguments: [id])
            else { throw StoreError.campaignBusy(id: id, reason: "no such campaign") }
            if row["runner_token"] as String? != nil, let until = row["runner_until"] as Double?,
                until > now.timeIntervalSince1970
            {
                throw StoreError.campaignBusy(id: id, reason: "another process is running it; pause or stop it first")
            }
            let marks = requeueable.map { _ in "?" }.joined(separator: ",")
            var arguments: StatementArguments = [now.timeIntervalSince1970, id]
            for state in requeueable.sorted(by: { $0.rawValue < $1.rawValue }) { arguments += [state.rawValue] }
            try db.execute(
                sql: """
                    UPDATE campaign_recipient SET state = 'queued', not_before = NULL, updated_at = ?
                    WHERE campaign_id = ? AND state IN (\(marks))
                    """,
                arguments: arguments)
            let count = db.changesCount
            if count > 0 {
                try db.execute(
                    sql: "UPDATE campaign SET state = 'paused', updated_at = ? WHERE id = ? AND state = 'finished'",
                    arguments: [now.timeIntervalSince1970, id])
            }
            return count
        }
    }

    static func tally(_ db: Database, id: String) throws -> CampaignTally {
        var counts: [RecipientState: Int] = [:]
        for row in try Row.fetchAll(
            db, sql: "SELECT state, COUNT(*) AS n FROM campaign_recipient WHERE campaign_id = ? GROUP BY state",
            arguments: [id])
        {
            let state: RecipientState = try StoredValue.decode(
                row["state"] as String, row: "campaign \(id) recipients", column: "state")
            counts[state] = row["n"]
        }
        return CampaignTally(counts: counts)
    }

    static func campaign(_ row: Row) throws -> Campaign {
        let id: String = row["id"]
        return Campaign(
            id: id, createdAt: Date(timeIntervalSince1970: row["created_at"]), operatorName: row["operator"],
            sender: row["sender"], body: row["body"], rate: BroadcastRate(storedValue: row["rate"]),
            concurrency: row["concurrency"],
            state: try StoredValue.decode(row["state"] as String, row: "campaign \(id)", column: "state"),
            source: row["source"], recipientCount: row["recipient_count"],
            runnerLeaseUntil: (row["runner_until"] as Double?).map(Date.init(timeIntervalSince1970:)),
            runnerToken: row["runner_token"])
    }

    static func recipient(_ row: Row) throws -> CampaignRecipient {
        let (campaignID, position): (String, Int) = (row["campaign_id"], row["position"])
        return CampaignRecipient(
            campaignID: campaignID, position: position, phone: row["phone"], line: row["line"],
            body: row["body"],
            state: try StoredValue.decode(
                row["state"] as String, row: "campaign \(campaignID) recipient \(position)", column: "state"),
            attempts: row["attempts"],
            httpStatus: row["http_status"], detail: row["detail"],
            notBefore: (row["not_before"] as Double?).map(Date.init(timeIntervalSince1970:)),
            updatedAt: Date(timeIntervalSince1970: row["updated_at"]))
    }
}
