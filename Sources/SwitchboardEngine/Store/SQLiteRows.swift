import Foundation
import GRDB

/// Turns SQLite rows into the engine's values, and outcomes into columns.
enum SQLiteRows {
    static func date(_ row: Row, _ column: String) -> Date? {
        (row[column] as Double?).map(Date.init(timeIntervalSince1970:))
    }

    private static func date(_ row: Row, _ index: Int) -> Date? {
        (row[index] as Double?).map(Date.init(timeIntervalSince1970:))
    }

    /// The columns ``transaction(_:)`` reads, in the order it reads them by index (name lookups were the cost of
    /// listing a large inbox).
    static let transactionColumns = """
        id, tagg, message, encoding, tagg_known, received_at, state, resolution, reply_message, replied_at, \
        operator, claim_token, claim_operator, claimed_at, claim_until, last_outcome, last_return_code, attempt_count
        """

    static func transaction(_ row: Row) throws -> InboxTransaction {
        let id: String = row[0]
        let name = "transaction \(id)"
        var claim: ReplyClaim?
        if let token = row[11] as String?, let claimedAt = date(row, 13), let until = date(row, 14) {
            claim = ReplyClaim(token: token, operatorName: row[12] ?? "", claimedAt: claimedAt, leaseUntil: until)
        }
        return InboxTransaction(
            id: id, tagg: row[1], message: row[2],
            encoding: try StoredValue.decode(row[3] as String, row: name, column: "encoding"), taggKnown: row[4],
            receivedAt: try StoredValue.required(date(row, 5), row: name, column: "received_at"),
            state: try StoredValue.decode(row[6] as String, row: name, column: "state"), resolution: row[7],
            replyMessage: row[8], repliedAt: date(row, 9), operatorName: row[10], claim: claim,
            lastAttempt: try StoredValue.decode(row[15] as String?, row: name, column: "last_outcome"),
            lastReturnCode: row[16], attemptCount: row[17])
    }

    static func journalEntry(_ row: Row) throws -> ReplyJournalEntry {
        let id: Int64 = row["id"]
        let name = "reply attempt \(id)"
        return ReplyJournalEntry(
            id: id, transactionID: row["transaction_id"], operatorName: row["operator"],
            message: row["message"], paid: row["paid"], requestBody: row["request_body"],
            startedAt: try StoredValue.required(date(row, "started_at"), row: name, column: "started_at"),
            finishedAt: date(row, "finished_at"),
            outcome: try StoredValue.decode(row["outcome"] as String?, row: name, column: "outcome"),
            returnCode: row["return_code"], responseBody: row["response_body"], detail: row["detail"],
            requestWritten: row["request_written"])
    }

    static func rawCallback(_ row: Row) -> RawCallbackRequest {
        RawCallbackRequest(
            method: row["method"], target: row["target"], contentType: row["content_type"],
            remoteAddress: row["remote_address"], body: Array((row["body"] as Data?) ?? Data()))
    }

    /// The journal columns for an outcome.
    static func outcomeFields(_ outcome: TaggaAttemptOutcome) -> (
        kind: AttemptOutcomeKind, returnCode: Int?, responseBody: String?, detail: String?, written: Bool
    ) {
        switch outcome {
        case .answered(let response, let raw):
            return (.answered, response.returnCode.code, raw, response.returnCode.explanation, true)
        case .unknown(let reason):
            let body: String?
            var written = true
            switch reason {
            case .httpStatus(_, let text), .unparseable(let text): body = text
            case .transport(_, let wasWritten):
                body = nil
                written = wasWritten
            }
            return (.unknown, nil, body, reason.description, written)
        }
    }
}
