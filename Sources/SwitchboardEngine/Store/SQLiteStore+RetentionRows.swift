import Foundation
import GRDB

/// The reads and deletes behind ``SQLiteStore``'s retention: which texts and campaign rows a batch takes, and the
/// `DELETE`s that remove them (children before their parent, as the foreign keys require).
extension SQLiteStore {
    /// The texts a rule lets go (``RetentionRule``), with `:before` and `:closedSince` to bind.
    static let retainedTexts = retainedTexts(columnPrefix: "")

    /// The same condition with `+` before each column, which keeps SQLite from reading it through an index: for a
    /// batch's own texts, looked up by id. Without it SQLite read every eligible text through the state index to
    /// check ten of them (25 to 60 ms a batch on 100,000 texts).
    static let retainedTextsByID = retainedTexts(columnPrefix: "+")

    private static func retainedTexts(columnPrefix prefix: String) -> String {
        let finals = RetentionRule.finalStates.map { "'\($0)'" }.joined(separator: ",")
        return """
            \(prefix)received_at < :before AND (\(prefix)state IN (\(finals))
                OR (\(prefix)state = 'pending' AND \(prefix)received_at <= :closedSince))
            """
    }

    /// The campaigns a rule lets go, with `:before`, `:now` and `:holder` (the retention run holding the ones it has
    /// begun to remove, or NULL) to bind.
    static let retainedCampaigns = """
        created_at < :before AND state IN (\(RetentionRule.campaignStates.map { "'\($0)'" }.joined(separator: ",")))
            AND (runner_token IS NULL OR runner_until IS NULL OR runner_until <= :now OR runner_token = :holder)
        """

    /// The oldest `:limit` texts a rule lets go, along the receipt index, named: the walk stops after `limit`
    /// matches. Left to itself SQLite gathered every match through the state index and sorted them, in every batch
    /// (O(n²) over a large prune: 60 ms batches on 100,000 texts).
    static let oldestTexts = """
        INDEXED BY inbound_transaction_received_id WHERE \(retainedTexts) ORDER BY received_at LIMIT :limit
        """

    /// The oldest texts a rule lets go, each with its journal.
    static func oldestTexts(in db: Database, arguments: StatementArguments) throws -> [RetainedText] {
        let transactions = try Row.fetchAll(
            db, sql: "SELECT \(SQLiteRows.transactionColumns) FROM inbound_transaction \(oldestTexts)",
            arguments: arguments
        ).map(SQLiteRows.transaction)
        return try withJournals(transactions, in: db)
    }

    /// Those of `ids` that a rule still lets go, each with its journal.
    static func texts(in db: Database, ids: [String], arguments: StatementArguments) throws -> [RetainedText] {
        var bound = arguments
        bound += StatementArguments(ids)
        let transactions = try Row.fetchAll(
            db,
            sql: """
                SELECT \(SQLiteRows.transactionColumns) FROM inbound_transaction
                WHERE id IN \(placeholders(ids.count)) AND \(retainedTextsByID)
                """,
            arguments: bound
        ).map(SQLiteRows.transaction)
        return try withJournals(transactions, in: db)
    }

    private static func withJournals(_ transactions: [InboxTransaction], in db: Database) throws -> [RetainedText] {
        guard !transactions.isEmpty else { return [] }
        let ids = transactions.map(\.id)
        let entries = try Row.fetchAll(
            db,
            sql:
                "SELECT * FROM reply_attempt WHERE transaction_id IN \(placeholders(ids.count)) ORDER BY transaction_id, id",
            arguments: StatementArguments(ids)
        ).map(SQLiteRows.journalEntry)
        let journals = Dictionary(grouping: entries, by: \.transactionID)
        return transactions.map { RetainedText(transaction: $0, journal: journals[$0.id] ?? []) }
    }

    /// Deletes the texts `ids` with their soft locks, journals and raw requests; returns what went.
    static func deleteTexts(in db: Database, ids: [String]) throws -> RetentionTally {
        let list = placeholders(ids.count)
        let arguments = StatementArguments(ids)
        func delete(_ table: String, _ column: String) throws -> Int {
            try db.execute(sql: "DELETE FROM \(table) WHERE \(column) IN \(list)", arguments: arguments)
            return db.changesCount
        }
        let marks = try delete("composing_mark", "transaction_id")
        let attempts = try delete("reply_attempt", "transaction_id")
        let raw = try delete("callback_request", "transaction_id")
        let texts = try delete("inbound_transaction", "id")
        return RetentionTally(texts: texts, attempts: attempts, rawRequests: raw, composingMarks: marks)
    }

    /// The next campaign batch a rule lets go: campaign `id`, else the one this run (`:holder`) has begun, else the
    /// oldest; its first `limit` recipients; and the campaign itself when they are its last. Nil when there is none.
    static func campaignBatch(in db: Database, arguments: StatementArguments, limit: Int, id: String? = nil) throws
        -> (campaign: Campaign, batch: RetentionBatch)?
    {
        var bound = arguments
        var only = ""
        if let id {
            only = "AND id = :id"
            bound += ["id": id]
        }
        guard
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT * FROM campaign WHERE \(retainedCampaigns) \(only)
                    ORDER BY runner_token IS :holder DESC, created_at, id LIMIT 1
                    """,
                arguments: bound)
        else { return nil }
        let campaign = try Self.campaign(row)
        let recipients = try Row.fetchAll(
            db, sql: "SELECT * FROM campaign_recipient WHERE campaign_id = ? ORDER BY position LIMIT ?",
            arguments: [campaign.id, limit]
        ).map(Self.recipient)
        var last = recipients.count < limit
        if !last {
            let more = try Bool.fetchOne(
                db,
                sql: "SELECT EXISTS (SELECT 1 FROM campaign_recipient WHERE campaign_id = ? AND position > ?)",
                arguments: [campaign.id, recipients.last?.position ?? -1])
            last = more == false
        }
        return (campaign, RetentionBatch(recipients: recipients, campaigns: last ? [campaign] : []))
    }

    /// `(?,?,…)` with `count` placeholders.
    private static func placeholders(_ count: Int) -> String {
        "(" + Array(repeating: "?", count: count).joined(separator: ",") + ")"
    }
}
