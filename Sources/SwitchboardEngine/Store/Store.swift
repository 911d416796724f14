import Foundation

/// The only door to persistence. SQLite is the embedded implementation; a shared PostgreSQL one follows the same
/// contract, so callers never know which they have.
///
/// Exactly-once rests on three calls made in order around every POST to Tagga: ``claim(transactionID:operatorName:now:lease:)``
/// (atomic, one live claim at a time), ``beginAttempt(_:)`` before the POST, ``finishAttempt(id:outcome:at:)`` after
/// it, and ``release(transactionID:token:resolution:replyMessage:at:)`` when the reply is over.
package protocol Store: Sendable {
    /// Stores callbacks durably in one transaction (group commit); a duplicate transaction id adds no row.
    /// Returns, in order, what became of each.
    func insertCallbacks(_ callbacks: [InboundCallback]) async throws -> [CallbackInsertResult]

    /// One transaction by id.
    func transaction(id: String) async throws -> InboxTransaction?

    /// Transactions matching the query, oldest receipt (most urgent deadline) first.
    func transactions(_ query: TransactionQuery) async throws -> [InboxTransaction]

    /// Every attempt to answer a transaction, oldest first.
    func journal(transactionID: String) async throws -> [ReplyJournalEntry]

    /// Every journal entry of every transaction, by transaction then attempt (for exports).
    func allJournalEntries() async throws -> [ReplyJournalEntry]

    /// The raw request a callback arrived in.
    func rawCallback(transactionID: String) async throws -> RawCallbackRequest?

    /// Claims a transaction for a reply: succeeds only if it is open and no live claim exists. A claim whose lease
    /// has run out (its holder died) is taken over, and its unfinished attempts are marked abandoned. If the
    /// journal already holds a final answer (a holder died after Tagga's answer, before its release), the
    /// transaction is closed from it and `.final` returned: nothing is sent again.
    func claim(transactionID: String, operatorName: String, now: Date, lease: Duration) async throws -> ClaimResult

    /// Journals an attempt before its POST and renews the lease; fails unless `token` still holds a live claim.
    func beginAttempt(_ attempt: NewReplyAttempt) async throws -> Int64

    /// Records an attempt's outcome after its POST.
    func finishAttempt(id: Int64, outcome: TaggaAttemptOutcome, at: Date) async throws

    /// Ends a claim: the transaction takes the state the resolution gives it; this claim's attempts left without an
    /// outcome are marked unknown. `replyMessage` is the text that reached the texter, when one did.
    func release(
        transactionID: String, token: String, resolution: TaggaReplyResolution, replyMessage: String?, at: Date
    ) async throws

    /// How many transactions are stored.
    func count() async throws -> Int

    /// Returns if the store answers now; throws ``StoreError/unavailable(_:)`` with the reason if not (a receiver's
    /// `/healthz`).
    func checkAvailable() async throws

    // MARK: Soft locks (who is writing a reply to what)

    /// Records that console `consoleID` (operator `operatorName`) is writing a reply to `transactionID`, until
    /// `now + ttl` unless marked again; `transactionID` nil clears the console's mark. One mark per console: a new one
    /// replaces the old. Publishes an update of both texts, so other consoles redraw them.
    func markComposing(consoleID: String, transactionID: String?, operatorName: String, now: Date, ttl: Duration)
        async throws

    /// The marks still live at `now`, oldest first.
    func composingMarks(now: Date) async throws -> [ComposingMark]

    // MARK: Campaigns (CONTRACTS.md §4)

    /// Stores a new campaign and its recipients (all `queued`) in one transaction.
    func createCampaign(_ campaign: Campaign, recipients: [CampaignRecipient]) async throws

    /// One campaign by id.
    func campaign(id: String) async throws -> Campaign?

    /// The newest campaigns first.
    func campaigns(limit: Int) async throws -> [Campaign]

    /// How many of a campaign's recipients are in each state.
    func campaignTally(id: String) async throws -> CampaignTally

    /// A campaign's recipients in list order, after `afterPosition` (-1 for the start), optionally only some states.
    func campaignRecipients(id: String, states: Set<RecipientState>?, afterPosition: Int, limit: Int) async throws
        -> [CampaignRecipient]

    /// Takes a campaign to run it, unless another runner holds a live lease (a holder whose token is `replacing`
    /// is known dead and is replaced at once). Taking it over marks the recipients left `sending` by a dead runner
    /// `unknown` (never re-sent automatically) and the campaign `running`.
    func acquireCampaign(id: String, runnerToken: String, now: Date, lease: Duration, replacing: String?) async throws
        -> CampaignAcquisition

    /// One step of a runner, in one commit: records `outcomes`, then claims up to `claim` ready recipients (queued,
    /// retry time passed) in list order and marks them `sending` (committed before their POST), and renews the
    /// lease. Throws ``StoreError/campaignLost(id:)`` when `runnerToken` no longer holds the campaign.
    func campaignStep(
        id: String, runnerToken: String, outcomes: [RecipientOutcome], claim: Int, now: Date, lease: Duration
    ) async throws -> CampaignClaim

    /// Lets go of a campaign, leaving it in `state`.
    func releaseCampaign(id: String, runnerToken: String, state: CampaignState, now: Date) async throws

    /// Queues recipients in `states` again (the operator's "retry failed", or an explicit retry of unknown ones);
    /// returns how many. Refused while a runner holds the campaign.
    func requeueCampaignRecipients(id: String, states: Set<RecipientState>, now: Date) async throws -> Int

    // MARK: Retention (`store.retention`, `switchboard prune`): plain DELETEs in short batches

    /// Counts what ``removeTexts(_:limit:export:)`` and ``removeCampaigns(_:limit:holder:lease:export:)`` would
    /// remove under `rule` (a dry run); removes nothing.
    func retentionTally(_ rule: RetentionRule) async throws -> RetentionTally

    /// Removes, in one short write transaction, up to `limit` of the texts `rule` lets go (oldest receipt first), each
    /// with its raw request, its journal and the soft locks pointing at it. `export`, when given, keeps them first
    /// (see ``RetentionExporter``): if it throws, nothing is removed. Returns what went (nothing when none are left)
    /// and how long the write lock was held.
    func removeTexts(_ rule: RetentionRule, limit: Int, export: (any RetentionExporter)?) async throws -> RetentionStep

    /// Removes, in one short write transaction, up to `limit` recipients of one campaign `rule` lets go (the one
    /// `holder` has begun, else the oldest), and the campaign itself once none are left. The campaign is held for
    /// `holder` as a runner's lease (until `rule.now + lease`, renewed each batch), so no runner resumes it half
    /// removed. `export` receives the rows first, as for texts. Returns what went (nothing when none are left) and how
    /// long the write lock was held.
    func removeCampaigns(
        _ rule: RetentionRule, limit: Int, holder: String, lease: Duration, export: (any RetentionExporter)?
    ) async throws -> RetentionStep

    /// Gives about `bytes` of the space removed rows left back to the file system, in one short write.
    func reclaimSpace(bytes: Int) async throws -> FreeSpace

    /// Rebuilds the store at its smallest, holding the write lock until done (SQLite `VACUUM`, which also turns a
    /// store created before `auto_vacuum` into one that gives space back by itself). False when the store has
    /// nothing of the kind to do (PostgreSQL: its autovacuum does it).
    func vacuum() async throws -> Bool

    /// Figures for metrics: open transactions and reply attempts by return code.
    func statistics(now: Date, window: ReplyWindow) async throws -> StoreStatistics

    /// Wake-ups: changes made through this store object as they commit, and (`.external`) those of other processes.
    /// A wake-up says something changed; ``inboxChanges(since:receivedSince:)`` says what.
    func changes() -> AsyncStream<StoreChange>

    // MARK: Following the inbox (cost grows with what changed, not with what is stored)

    /// The texts received since `receivedSince`, oldest first, with the cursor to follow them from and the counts,
    /// all read from one snapshot.
    func inboxSnapshot(receivedSince: Date) async throws -> InboxRead

    /// The texts received since `receivedSince` that changed after `cursor` (through an index on the change
    /// position), and the cursor to ask from next time. Never skips a change that commits late.
    func inboxChanges(since cursor: ChangeCursor, receivedSince: Date) async throws -> InboxRead

    /// How many texts are stored in each state (maintained counters, not a count).
    func inboxCounts() async throws -> InboxCounts

    /// One page of stored texts, newest receipt first, after the query's key (keyset pagination).
    func inboxPage(_ query: InboxPageQuery) async throws -> InboxPage

    /// How many stored texts the query matches (its key and limit aside).
    func inboxCount(_ query: InboxPageQuery) async throws -> Int

    /// Adds up to `limit` texts received before `receivedBefore` to the search index, in one short transaction (on
    /// SQLite, one of the index's file, then a shorter one of the store's dropping the queue entries it took out),
    /// after taking removed texts out of it (``unindexRemoved(limit:)``); returns how many removed and added texts it
    /// went through (0 when there is nothing to do, or the index is kept with the rows, as on PostgreSQL). Searching
    /// never waits for it: texts not indexed yet are scanned, and removed ones are never found.
    func indexForSearch(receivedBefore: Date, limit: Int) async throws -> Int

    /// Takes up to `limit` removed texts out of the search index, in one short transaction (as above); returns how many
    /// (0 when none is left, or the index loses them with the rows, as on PostgreSQL). Retention leaves this to after
    /// its batches (on SQLite the index has a file of its own, whose lock callbacks never wait for).
    func unindexRemoved(limit: Int) async throws -> Int

    /// Closes the store; later calls fail.
    func close() async throws
}

/// Which transactions to list.
package struct TransactionQuery: Sendable, Hashable {
    /// Only transactions in these stored states (nil: all).
    package var states: Set<TransactionState>?
    /// Only transactions received at or after this time.
    package var receivedSince: Date?
    package var limit: Int?

    package init(states: Set<TransactionState>? = nil, receivedSince: Date? = nil, limit: Int? = nil) {
        self.states = states
        self.receivedSince = receivedSince
        self.limit = limit
    }

    /// Everything.
    package static let all = TransactionQuery()

    /// Pending and in-flight transactions received inside the window that ends now.
    package static func open(now: Date, window: ReplyWindow) -> TransactionQuery {
        TransactionQuery(
            states: [.pending, .replying], receivedSince: now.addingTimeInterval(-window.window.timeInterval))
    }
}

/// Figures for `/metrics`.
package struct StoreStatistics: Sendable, Hashable {
    /// Pending or in-flight transactions whose window is still open.
    package var openTransactions: Int
    /// Reply attempts by return code ("unknown" for attempts without one).
    package var repliesByReturnCode: [String: Int]

    package init(openTransactions: Int, repliesByReturnCode: [String: Int]) {
        self.openTransactions = openTransactions
        self.repliesByReturnCode = repliesByReturnCode
    }
}

/// What a claim came to.
package enum ClaimResult: Sendable, Hashable {
    case claimed(ReplyClaim)
    /// No such transaction.
    case notFound
    /// Someone else's reply is in flight.
    case inFlight(ReplyClaim)
    /// Already replied, rejected, closed or expired.
    case final(TransactionState)
}

/// An attempt about to be POSTed.
package struct NewReplyAttempt: Sendable, Hashable {
    package var transactionID: String
    package var token: String
    package var operatorName: String
    package var message: String
    package var paid: Bool
    package var requestBody: String
    package var startedAt: Date
    /// The claim's lease is renewed to this, so an attempt never outlives it.
    package var leaseUntil: Date

    package init(
        transactionID: String, token: String, operatorName: String, message: String, paid: Bool, requestBody: String,
        startedAt: Date, leaseUntil: Date
    ) {
        self.transactionID = transactionID
        self.token = token
        self.operatorName = operatorName
        self.message = message
        self.paid = paid
        self.requestBody = requestBody
        self.startedAt = startedAt
        self.leaseUntil = leaseUntil
    }
}

/// What changed in the store: ids only; readers re-read what they need.
package enum StoreChange: Sendable, Hashable {
    case inserted([String])
    case updated(String)
    /// Another process changed the store; re-read everything shown.
    case external
}

/// Why a store call failed.
package enum StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The claim was lost (lease expired and taken over) before this write.
    case claimLost(transactionID: String)
    /// The store could not be opened or used.
    case unavailable(String)
    /// Another runner took the campaign over (this one's lease ran out) before this write.
    case campaignLost(id: String)
    /// The campaign is being run by another process, or does not exist, so it cannot be changed now.
    case campaignBusy(id: String, reason: String)
    /// The store is durable only with synchronous=FULL, and the database would not keep it.
    case notDurable(String)

    package var description: String {
        switch self {
        case .claimLost(let id): "the claim on transaction \(id) was lost to another process"
        case .unavailable(let reason): "the store is unavailable: \(reason)"
        case .campaignLost(let id): "campaign \(id) was taken over by another process; this one stopped sending"
        case .campaignBusy(let id, let reason): "campaign \(id) cannot be changed now: \(reason)"
        case .notDurable(let reason): "the store cannot commit durably: \(reason)"
        }
    }
}
