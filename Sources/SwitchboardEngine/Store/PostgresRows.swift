import Foundation
import PostgresNIO

/// Turns PostgreSQL rows into the engine's values. Each reader names the columns it reads by position, in the
/// order of its `…Columns` list.
enum PostgresRows {
    static func date(_ cell: PostgresCell) throws -> Date? {
        try cell.decode(Double?.self).map(Date.init(timeIntervalSince1970:))
    }

    /// The columns ``transaction(_:)`` reads (the same names as SQLite's).
    static let transactionColumns = SQLiteRows.transactionColumns

    static func transaction(_ row: PostgresRow) throws -> InboxTransaction {
        let cells = row.makeRandomAccess()
        var claim: ReplyClaim?
        if let token = try cells[11].decode(String?.self), let claimedAt = try date(cells[13]),
            let until = try date(cells[14])
        {
            claim = ReplyClaim(
                token: token, operatorName: try cells[12].decode(String?.self) ?? "", claimedAt: claimedAt,
                leaseUntil: until)
        }
        return InboxTransaction(
            id: try cells[0].decode(String.self), tagg: try cells[1].decode(String.self),
            message: try cells[2].decode(String.self),
            encoding: MessageEncoding(rawValue: try cells[3].decode(String.self)) ?? .utf8,
            taggKnown: try cells[4].decode(Bool.self), receivedAt: try date(cells[5]) ?? .distantPast,
            state: TransactionState(rawValue: try cells[6].decode(String.self)) ?? .pending,
            resolution: try cells[7].decode(String?.self), replyMessage: try cells[8].decode(String?.self),
            repliedAt: try date(cells[9]), operatorName: try cells[10].decode(String?.self), claim: claim,
            lastAttempt: try cells[15].decode(String?.self).flatMap(AttemptOutcomeKind.init(rawValue:)),
            lastReturnCode: try cells[16].decode(Int?.self), attemptCount: try cells[17].decode(Int.self))
    }

    /// The columns ``journalEntry(_:)`` reads.
    static let journalColumns = """
        id, transaction_id, operator, message, paid, request_body, started_at, finished_at, outcome, return_code, \
        response_body, detail, request_written
        """

    static func journalEntry(_ row: PostgresRow) throws -> ReplyJournalEntry {
        let cells = row.makeRandomAccess()
        return ReplyJournalEntry(
            id: try cells[0].decode(Int64.self), transactionID: try cells[1].decode(String.self),
            operatorName: try cells[2].decode(String.self), message: try cells[3].decode(String.self),
            paid: try cells[4].decode(Bool.self), requestBody: try cells[5].decode(String.self),
            startedAt: try date(cells[6]) ?? .distantPast, finishedAt: try date(cells[7]),
            outcome: try cells[8].decode(String?.self).flatMap(AttemptOutcomeKind.init(rawValue:)),
            returnCode: try cells[9].decode(Int?.self), responseBody: try cells[10].decode(String?.self),
            detail: try cells[11].decode(String?.self), requestWritten: try cells[12].decode(Bool?.self))
    }

    /// The columns ``rawCallback(_:)`` reads.
    static let rawCallbackColumns = "method, target, content_type, remote_address, body"

    static func rawCallback(_ row: PostgresRow) throws -> RawCallbackRequest {
        let cells = row.makeRandomAccess()
        return RawCallbackRequest(
            method: try cells[0].decode(String.self), target: try cells[1].decode(String.self),
            contentType: try cells[2].decode(String?.self), remoteAddress: try cells[3].decode(String?.self),
            body: Array(try cells[4].decode(Data.self)))
    }

    /// The columns ``campaign(_:)`` reads.
    static let campaignColumns = """
        id, created_at, operator, sender, body, rate, concurrency, state, source, recipient_count, runner_until, \
        runner_token
        """

    static func campaign(_ row: PostgresRow) throws -> Campaign {
        let cells = row.makeRandomAccess()
        return Campaign(
            id: try cells[0].decode(String.self), createdAt: try date(cells[1]) ?? .distantPast,
            operatorName: try cells[2].decode(String.self), sender: try cells[3].decode(String.self),
            body: try cells[4].decode(String.self), rate: BroadcastRate(storedValue: try cells[5].decode(Double.self)),
            concurrency: try cells[6].decode(Int.self),
            state: CampaignState(rawValue: try cells[7].decode(String.self)) ?? .running,
            source: try cells[8].decode(String.self), recipientCount: try cells[9].decode(Int.self),
            runnerLeaseUntil: try date(cells[10]), runnerToken: try cells[11].decode(String?.self))
    }

    /// The columns ``recipient(_:)`` reads.
    static let recipientColumns = """
        campaign_id, position, phone, line, body, state, attempts, http_status, detail, not_before, updated_at
        """

    static func recipient(_ row: PostgresRow) throws -> CampaignRecipient {
        let cells = row.makeRandomAccess()
        return CampaignRecipient(
            campaignID: try cells[0].decode(String.self), position: try cells[1].decode(Int.self),
            phone: try cells[2].decode(String.self), line: try cells[3].decode(Int.self),
            body: try cells[4].decode(String.self),
            state: RecipientState(rawValue: try cells[5].decode(String.self)) ?? .unknown,
            attempts: try cells[6].decode(Int.self), httpStatus: try cells[7].decode(Int?.self),
            detail: try cells[8].decode(String?.self), notBefore: try date(cells[9]),
            updatedAt: try date(cells[10]) ?? .distantPast)
    }
}

extension PostgresRowSequence {
    /// Every row, converted.
    package func map<T>(_ convert: (PostgresRow) throws -> T) async throws -> [T] {
        var values: [T] = []
        for try await row in self { values.append(try convert(row)) }
        return values
    }

    /// The first row, converted, reading the rest.
    package func first<T>(_ convert: (PostgresRow) throws -> T) async throws -> T? {
        try await map(convert).first
    }
}
