import Foundation
import Logging
import PostgresNIO

/// The claim protocol in PostgreSQL. Each call locks the transaction's row first (`FOR UPDATE`), so two processes
/// claiming, journaling or releasing the same text are serialised by the database, and commits before returning:
/// a claim is durable before its POST, and no lock is held across it.
extension PostgresStore {
    package func claim(transactionID: String, operatorName: String, now: Date, lease: Duration) async throws
        -> ClaimResult
    {
        let stamp = now.timeIntervalSince1970
        let result = try await write { [self] connection -> ClaimResult in
            guard
                let current = try await connection.query(
                    """
                    SELECT \(unescaped: PostgresRows.transactionColumns) FROM inbound_transaction
                    WHERE id = \(transactionID) FOR UPDATE
                    """, logger: logger
                ).first(PostgresRows.transaction)
            else { return .notFound }
            if current.state.isFinal { return .final(current.state) }
            if current.state == .replying, let claim = current.claim {
                if claim.leaseUntil > now { return .inFlight(claim) }
                try await connection.query(
                    """
                    UPDATE reply_attempt SET outcome = 'abandoned', finished_at = \(stamp),
                        detail = 'its process stopped before the outcome was recorded'
                    WHERE transaction_id = \(transactionID) AND outcome IS NULL
                    """, logger: logger)
            }
            // A holder that died after Tagga's final answer but before its release: close from the journal.
            let journal = try await Self.journal(connection, transactionID: transactionID, logger: logger)
            let resolution = TaggaReplyResolution.resolve(journal.map(\.asOutcome))
            if resolution.isFinal {
                try await close(
                    connection, transactionID: transactionID, resolution: resolution, journal: journal, at: now)
                try await notify(connection, .updated(transactionID))
                return .final(TransactionState(after: resolution))
            }
            let claim = ReplyClaim(
                token: UUID().uuidString, operatorName: operatorName, claimedAt: now,
                leaseUntil: now.addingTimeInterval(lease.timeInterval))
            try await connection.query(
                """
                UPDATE inbound_transaction SET state = 'replying', claim_token = \(claim.token),
                    claim_operator = \(claim.operatorName), claimed_at = \(stamp),
                    claim_until = \(claim.leaseUntil.timeIntervalSince1970), updated_at = \(stamp),
                    last_outcome = CASE WHEN state = 'replying' THEN 'abandoned' ELSE last_outcome END
                WHERE id = \(transactionID)
                """, logger: logger)
            try await notify(connection, .updated(transactionID))
            return .claimed(claim)
        }
        broadcaster.publish(.updated(transactionID))
        return result
    }

    package func beginAttempt(_ attempt: NewReplyAttempt) async throws -> Int64 {
        let id = try await write { [self] connection -> Int64 in
            try await requireClaim(
                connection, transactionID: attempt.transactionID, token: attempt.token, liveAt: attempt.startedAt)
            let started = attempt.startedAt.timeIntervalSince1970
            let id =
                try await connection.query(
                    """
                    INSERT INTO reply_attempt
                        (transaction_id, claim_token, operator, message, paid, request_body, started_at)
                    VALUES (\(attempt.transactionID), \(attempt.token), \(attempt.operatorName), \(attempt.message),
                        \(attempt.paid), \(attempt.requestBody), \(started))
                    RETURNING id
                    """, logger: logger
                ).first { try $0.decode(Int64.self) } ?? 0
            try await connection.query(
                """
                UPDATE inbound_transaction SET attempt_count = attempt_count + 1, last_outcome = NULL,
                    last_return_code = NULL, claim_until = \(attempt.leaseUntil.timeIntervalSince1970),
                    updated_at = \(started)
                WHERE id = \(attempt.transactionID)
                """, logger: logger)
            try await notify(connection, .updated(attempt.transactionID))
            return id
        }
        broadcaster.publish(.updated(attempt.transactionID))
        return id
    }

    package func finishAttempt(id: Int64, outcome: TaggaAttemptOutcome, at: Date) async throws {
        let fields = SQLiteRows.outcomeFields(outcome)
        let stamp = at.timeIntervalSince1970
        let transactionID = try await write { [self] connection -> String? in
            guard
                let (transactionID, token) = try await connection.query(
                    "SELECT transaction_id, claim_token FROM reply_attempt WHERE id = \(id)", logger: logger
                ).first({ try $0.decode((String, String).self) })
            else { return nil }
            // The transaction's row first, as every writer locks it, so this never deadlocks with a takeover.
            try await connection.query(
                "SELECT id FROM inbound_transaction WHERE id = \(transactionID) FOR UPDATE", logger: logger)
            try await connection.query(
                """
                UPDATE reply_attempt SET outcome = \(fields.kind.rawValue), return_code = \(fields.returnCode),
                    response_body = \(fields.responseBody), detail = \(fields.detail),
                    request_written = \(fields.written), finished_at = \(stamp)
                WHERE id = \(id)
                """, logger: logger)
            // The summary columns belong to whoever holds the claim now: a late finish from a holder whose claim
            // was taken over updates its journal row only.
            try await connection.query(
                """
                UPDATE inbound_transaction SET last_outcome = \(fields.kind.rawValue),
                    last_return_code = \(fields.returnCode), updated_at = \(stamp)
                WHERE id = \(transactionID) AND claim_token = \(token)
                """, logger: logger)
            // The journal changed even when the summary did not: readers following changes re-read it.
            try await touch(connection, transactionIDs: [transactionID])
            try await notify(connection, .updated(transactionID))
            return transactionID
        }
        if let transactionID { broadcaster.publish(.updated(transactionID)) }
    }

    package func release(
        transactionID: String, token: String, resolution: TaggaReplyResolution, replyMessage: String?, at: Date
    ) async throws {
        let stamp = at.timeIntervalSince1970
        try await write { [self] connection in
            try await requireClaim(connection, transactionID: transactionID, token: token, liveAt: nil)
            try await connection.query(
                """
                UPDATE reply_attempt SET outcome = 'unknown', finished_at = \(stamp),
                    detail = 'the outcome could not be recorded'
                WHERE claim_token = \(token) AND outcome IS NULL
                """, logger: logger)
            let state = TransactionState(after: resolution)
            let replied = state == .replied
            try await connection.query(
                """
                UPDATE inbound_transaction SET state = \(state.rawValue),
                    resolution = \(state.isFinal ? resolution.summary : nil),
                    reply_message = CASE WHEN \(replied) THEN \(replyMessage)::text ELSE reply_message END,
                    replied_at = CASE WHEN \(replied) THEN \(stamp) ELSE replied_at END,
                    operator = CASE WHEN \(state.isFinal) THEN claim_operator ELSE operator END,
                    last_outcome = (SELECT outcome FROM reply_attempt WHERE transaction_id = \(transactionID)
                        ORDER BY id DESC LIMIT 1),
                    claim_token = NULL, claim_operator = NULL, claimed_at = NULL, claim_until = NULL,
                    updated_at = \(stamp)
                WHERE id = \(transactionID)
                """, logger: logger)
            try await notify(connection, .updated(transactionID))
        }
        broadcaster.publish(.updated(transactionID))
    }

    /// Locks the transaction's row and checks that `token` holds its claim (still live at `liveAt`, when given).
    private func requireClaim(_ connection: PostgresConnection, transactionID: String, token: String, liveAt: Date?)
        async throws
    {
        let row = try await connection.query(
            """
            SELECT claim_token, claim_until FROM inbound_transaction
            WHERE id = \(transactionID) AND state = 'replying' FOR UPDATE
            """, logger: logger
        ).first { try $0.decode((String?, Double?).self) }
        guard let row, row.0 == token else { throw StoreError.claimLost(transactionID: transactionID) }
        if let liveAt, let until = row.1, until <= liveAt.timeIntervalSince1970 {
            throw StoreError.claimLost(transactionID: transactionID)
        }
    }

    /// Closes a transaction from its journal's final answer, recording the text that reached the texter.
    private func close(
        _ connection: PostgresConnection, transactionID: String, resolution: TaggaReplyResolution,
        journal: [ReplyJournalEntry], at now: Date
    ) async throws {
        let state = TransactionState(after: resolution)
        let delivered = TaggaReplyResolution.deliveredAttemptIndex(journal.map(\.asOutcome)).map { journal[$0] }
        let repliedAt = (delivered?.finishedAt ?? delivered?.startedAt)?.timeIntervalSince1970
        try await connection.query(
            """
            UPDATE inbound_transaction SET state = \(state.rawValue), resolution = \(resolution.summary),
                reply_message = \(delivered?.message)::text, replied_at = \(repliedAt)::double precision,
                operator = \(delivered?.operatorName)::text, claim_token = NULL, claim_operator = NULL,
                claimed_at = NULL, claim_until = NULL,
                last_outcome = (SELECT outcome FROM reply_attempt WHERE transaction_id = \(transactionID)
                    ORDER BY id DESC LIMIT 1),
                updated_at = \(now.timeIntervalSince1970)
            WHERE id = \(transactionID)
            """, logger: logger)
    }
}
