/// The rows one retention batch is about to remove, handed to the caller (an export) inside the batch's transaction,
/// before the rows are deleted: if the caller throws, nothing is deleted.
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

/// Receives each batch before it is deleted (see ``RetentionBatch``). It runs inside the store's write
/// transaction, so it must be quick: write and flush a file, nothing that waits on the network.
package typealias RetentionExport = @Sendable (RetentionBatch) throws -> Void
