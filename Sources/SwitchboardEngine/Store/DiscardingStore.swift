import Foundation

/// A store that keeps nothing and acknowledges everything: only for measuring the receiver without storage
/// (`switchboard serve --discard`, a benchmark baseline). Never use it to receive real texts.
package final class DiscardingStore: Store {
    private let broadcaster = ChangeBroadcaster()

    package init() {}

    package func insertCallbacks(_ callbacks: [InboundCallback]) async throws -> [CallbackInsertResult] {
        callbacks.map { _ in .inserted }
    }

    package func transaction(id: String) async throws -> InboxTransaction? { nil }
    package func transactions(_ query: TransactionQuery) async throws -> [InboxTransaction] { [] }
    package func journal(transactionID: String) async throws -> [ReplyJournalEntry] { [] }
    package func allJournalEntries() async throws -> [ReplyJournalEntry] { [] }
    package func rawCallback(transactionID: String) async throws -> RawCallbackRequest? { nil }

    package func claim(transactionID: String, operatorName: String, now: Date, lease: Duration) async throws
        -> ClaimResult
    { .notFound }

    package func beginAttempt(_ attempt: NewReplyAttempt) async throws -> Int64 {
        throw StoreError.unavailable("the discarding store keeps nothing")
    }

    package func finishAttempt(id: Int64, outcome: TaggaAttemptOutcome, at: Date) async throws {}

    package func release(
        transactionID: String, token: String, resolution: TaggaReplyResolution, replyMessage: String?, at: Date
    ) async throws {}

    package func count() async throws -> Int { 0 }

    package func checkAvailable() async throws {}

    package func markComposing(
        consoleID: String, transactionID: String?, operatorName: String, now: Date, ttl: Duration
    ) async throws {}

    package func composingMarks(now: Date) async throws -> [ComposingMark] { [] }

    // Campaigns are not kept by a store that keeps nothing: `serve --discard` never runs one.
    private static let noCampaigns = StoreError.unavailable("this store discards everything and keeps no campaigns")

    package func createCampaign(_ campaign: Campaign, recipients: [CampaignRecipient]) async throws {
        throw Self.noCampaigns
    }

    package func campaign(id: String) async throws -> Campaign? { nil }

    package func campaigns(limit: Int) async throws -> [Campaign] { [] }

    package func campaignTally(id: String) async throws -> CampaignTally { CampaignTally() }

    package func campaignRecipients(id: String, states: Set<RecipientState>?, afterPosition: Int, limit: Int)
        async throws -> [CampaignRecipient]
    { [] }

    package func acquireCampaign(
        id: String, runnerToken: String, now: Date, lease: Duration, replacing: String?
    ) async throws
        -> CampaignAcquisition
    { .notFound }

    package func campaignStep(
        id: String, runnerToken: String, outcomes: [RecipientOutcome], claim: Int, now: Date, lease: Duration
    ) async throws -> CampaignClaim {
        throw Self.noCampaigns
    }

    package func releaseCampaign(id: String, runnerToken: String, state: CampaignState, now: Date) async throws {}

    package func requeueCampaignRecipients(id: String, states: Set<RecipientState>, now: Date) async throws -> Int {
        throw Self.noCampaigns
    }

    // Nothing is kept, so retention finds nothing to remove.
    package func retentionTally(_ rule: RetentionRule) async throws -> RetentionTally { RetentionTally() }

    package func removeTexts(_ rule: RetentionRule, limit: Int, export: (any RetentionExporter)?) async throws
        -> RetentionStep
    { RetentionStep() }

    package func removeCampaigns(
        _ rule: RetentionRule, limit: Int, holder: String, lease: Duration, export: (any RetentionExporter)?
    ) async throws -> RetentionStep { RetentionStep() }

    package func reclaimSpace(bytes: Int) async throws -> FreeSpace { .returned(bytes: 0, left: 0) }

    package func vacuum() async throws -> Bool { false }

    package func statistics(now: Date, window: ReplyWindow) async throws -> StoreStatistics {
        StoreStatistics(openTransactions: 0, repliesByReturnCode: [:])
    }

    package func changes() -> AsyncStream<StoreChange> { broadcaster.subscribe() }

    package func inboxSnapshot(receivedSince: Date) async throws -> InboxRead {
        InboxRead(transactions: [], cursor: ChangeCursor(position: 0), counts: InboxCounts())
    }

    package func inboxChanges(since cursor: ChangeCursor, receivedSince: Date) async throws -> InboxRead {
        InboxRead(transactions: [], cursor: cursor, counts: InboxCounts())
    }

    package func inboxCounts() async throws -> InboxCounts { InboxCounts() }

    package func inboxPage(_ query: InboxPageQuery) async throws -> InboxPage {
        InboxPage(transactions: [], next: nil)
    }

    package func inboxCount(_ query: InboxPageQuery) async throws -> Int { 0 }

    package func indexForSearch(receivedBefore: Date, limit: Int) async throws -> Int { 0 }

    package func unindexRemoved(limit: Int) async throws -> Int { 0 }

    package func close() async throws { broadcaster.finish() }
}
