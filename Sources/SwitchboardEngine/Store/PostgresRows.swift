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
        let id = try cells[0].decode(String.self)
        let name = "transaction \(id)"
        var claim: ReplyClaim?
        if let token = try cells[11].decode(String?.self), let claimedAt = try date(cells[13]),
            let until = try date(cells[14])
        {
            claim = ReplyClaim(
                token: token, operatorName: try cells[12].decode(String?.self) ?? "", claimedAt: claimedAt,
                leaseUntil: until)
        }
        return InboxTransaction(
            id: id, tagg: try cells[1].decode(String.self), message: try cells[2].decode(String.self),
            encoding: try StoredValue.decode(try cells[3].decode(String.self), row: name, column: "encoding"),
            taggKnown: try cells[4].decode(Bool.self),
            receivedAt: try StoredValue.required(try date(cells[5]), row: name, column: "received_at"),
            state: try StoredValue.decode(try cells[6].decode(String.self), row: name, column: "state"),
            resolution: try cells[7].decode(String?.self), replyMessage: try cells[8].decode(String?.self),
            repliedAt: try date(cells[9]), operatorName: try cells[10].decode(String?.self), claim: claim,
            lastAttempt: try StoredValue.decode(try cells[15].decode(String?.self), row: name, column: "last_outcome"),
            lastReturnCode: try cells[16].decode(Int?.self), attemptCount: try cells[17].decode(Int.self))
    }

    /// The columns ``journalEntry(_:)`` reads.
    static let journalColumns = """
        id, transaction_id, operator, message, paid, request_body, started_at, finished_at, outcome, return_code, \
        response_body, detail, request_written
        """

    static func journalEntry(_ row: PostgresRow) throws -> ReplyJournalEntry {
        let cells = row.makeRandomAccess()
        let id = try cells[0].decode(Int64.self)
        let name = "reply attempt \(id)"
        return ReplyJournalEntry(
            id: id, transactionID: try cells[1].decode(String.self),
            operatorName: try cells[2].decode(String.self), message: try cells[3].decode(String.self),
            paid: try cells[4].decode(Bool.self), requestBody: try cells[5].decode(String.self),
            startedAt: try StoredValue.required(try date(cells[6]), row: name, column: "started_at"),
            finishedAt: try date(cells[7]),
            outcome: try StoredValue.decode(try cells[8].decode(String?.self), row: name, column: "outcome"),
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
        let id = try cells[0].decode(String.self)
        let name = "campaign \(id)"
        return Campaign(
            id: id, createdAt: try StoredValue.required(try date(cells[1]), row: name, column: "created_at"),
            operatorName: try cells[2].decode(String.self), sender: try cells[3].decode(String.self),
            body: try cells[4].decode(String.self), rate: BroadcastRate(storedValue: try cells[5].decode(Double.self)),
            concurrency: try cells[6].decode(Int.self),
            state: try StoredValue.decode(try cells[7].decode(String.self), row: name, column: "state"),
            source: try cells[8].decode(String.self), recipientCount: try cells[9].decode(Int.self),
            runnerLeaseUntil: try date(cells[10]), runnerToken: try cells[11].decode(String?.self))
    }

    /// The columns ``recipient(_:)`` reads.
    static let recipientColumns = """
        campaign_id, position, phone, line, body, state, attempts, http_status, detail, not_before, updated_at
        """

    static func recipient(_ row: PostgresRow) throws -> CampaignRecipient {
        let cells = row.makeRandomAccess()
        let (campaignID, position) = (try cells[0].decode(String.self), try cells[1].decode(Int.self))
        let name = "campaign \(campaignID) recipient \(position)"
        return CampaignRecipient(
            campaignID: campaignID, position: position,
            phone: try cells[2].decode(String.self), line: try cells[3].decode(Int.self),
            body: try cells[4].decode(String.self),
            state: try StoredValue.decode(try cells[5].decode(String.self), row: name, column: "state"),
            attempts: try cells[6].decode(Int.self), httpStatus: try cells[7].decode(Int?.self),
            detail: try cells[8].decode(String?.self), notBefore: try date(cells[9]),
            updatedAt: try StoredValue.required(try date(cells[10]), row: name, column: "updated_at"))
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
