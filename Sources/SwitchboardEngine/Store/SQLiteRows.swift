import Foundation
import GRDB

/// Turns SQLite rows into the engine's values, and outcomes into columns.
enum SQLiteRows {
    static func date(_ row: Row, _ column: String) -> Date? {
        (row[column] as Double?).map(Date.init(timeIntervalSince1970:))
    }

    static func transaction(_ row: Row) -> InboxTransaction {
        var claim: ReplyClaim?
        if let token = row["claim_token"] as String?, let claimedAt = date(row, "claimed_at"),
            let until = date(row, "claim_until")
        {
            claim = ReplyClaim(
                token: token, operatorName: row["claim_operator"] ?? "", claimedAt: claimedAt, leaseUntil: until)
        }
        return InboxTransaction(
            id: row["id"], tagg: row["tagg"], message: row["message"],
            encoding: MessageEncoding(rawValue: row["encoding"]) ?? .utf8, taggKnown: row["tagg_known"],
            receivedAt: date(row, "received_at") ?? .distantPast,
            state: TransactionState(rawValue: row["state"]) ?? .pending, resolution: row["resolution"],
            replyMessage: row["reply_message"], repliedAt: date(row, "replied_at"), operatorName: row["operator"],
            claim: claim, lastAttempt: (row["last_outcome"] as String?).flatMap(AttemptOutcomeKind.init(rawValue:)),
            lastReturnCode: row["last_return_code"], attemptCount: row["attempt_count"])
    }

    static func journalEntry(_ row: Row) -> ReplyJournalEntry {
        ReplyJournalEntry(
            id: row["id"], transactionID: row["transaction_id"], operatorName: row["operator"],
            message: row["message"], paid: row["paid"], requestBody: row["request_body"],
            startedAt: date(row, "started_at") ?? .distantPast, finishedAt: date(row, "finished_at"),
            outcome: (row["outcome"] as String?).flatMap(AttemptOutcomeKind.init(rawValue:)),
            returnCode: row["return_code"], responseBody: row["response_body"], detail: row["detail"])
    }

    static func rawCallback(_ row: Row) -> RawCallbackRequest {
        RawCallbackRequest(
            method: row["method"], target: row["target"], contentType: row["content_type"],
            remoteAddress: row["remote_address"], body: Array((row["body"] as Data?) ?? Data()))
    }

    /// The journal columns for an outcome.
    static func outcomeFields(_ outcome: TaggaAttemptOutcome) -> (
        kind: AttemptOutcomeKind, returnCode: Int?, responseBody: String?, detail: String?
    ) {
        switch outcome {
        case .answered(let response, let raw):
            return (.answered, response.returnCode.code, raw, response.returnCode.explanation)
        case .unknown(let reason):
            let body: String?
            switch reason {
            case .httpStatus(_, let text), .unparseable(let text): body = text
            case .transport: body = nil
            }
            return (.unknown, nil, body, reason.description)
        }
    }
}
