/// The rows one retention batch is about to remove, handed to a ``RetentionExporter`` before they are deleted.
package struct RetentionBatch: Sendable, Hashable {
    /// The texts, oldest receipt first, each with its journal (oldest attempt first).
    package var texts: [RetainedText] = []
    /// Campaign recipients, in campaign then list order.
    package var recipients: [CampaignRecipient] = []
    /// Campaigns whose last recipients this batch removes, so the campaign itself goes too.
    package var campaigns: [Campaign] = []

    package init(texts: [RetainedText] = [], recipients: [CampaignRecipient] = [], campaigns: [Campaign] = []) {
        self.texts = texts
        self.recipients = recipients
        self.campaigns = campaigns
    }
}

/// One text retention removes, with its reply journal.
package struct RetainedText: Sendable, Hashable {
    package var transaction: InboxTransaction
    package var journal: [ReplyJournalEntry]

    package init(transaction: InboxTransaction, journal: [ReplyJournalEntry]) {
        self.transaction = transaction
        self.journal = journal
    }
}

/// Keeps each batch retention removes (`prune --export`), before it is deleted.
///
/// SQLite reads a batch, hands it to ``write(_:)`` outside its write lock (so a file's fsync never holds up a
/// callback), then deletes exactly those rows if none changed meanwhile; if one did (a text claimed in between), or the
/// deletion fails, it hands the batch to ``withdraw(_:)`` and nothing is deleted. PostgreSQL calls ``write(_:)``
/// inside the batch's transaction, which holds only the rows' locks. Either way, a batch whose `write` throws is not
/// removed.
package protocol RetentionExporter: Sendable {
    /// Keeps the batch durably (written and flushed) before it is deleted.
    func write(_ batch: RetentionBatch) async throws

    /// The batch last written was not removed after all: takes it back out.
    func withdraw(_ batch: RetentionBatch) async throws
}
