import Foundation

/// Reading the inbox: texts by id, by query and in pages, their counts, the raw requests they came in, and
/// following it (wake-ups and change cursors), so cost grows with what changed, not with what is stored.
package protocol InboxReader: Sendable {
    /// One transaction by id.
    func transaction(id: String) async throws -> InboxTransaction?

    /// Transactions matching the query, oldest receipt (most urgent deadline) first.
    func transactions(_ query: TransactionQuery) async throws -> [InboxTransaction]

    /// How many transactions are stored.
    func count() async throws -> Int

    /// The raw request a callback arrived in.
    func rawCallback(transactionID: String) async throws -> RawCallbackRequest?

    /// Wake-ups: changes made through this store object as they commit, and (`.external`) those of other processes.
    /// A wake-up says something changed; ``inboxChanges(since:receivedSince:)`` says what.
    func changes() -> AsyncStream<StoreChange>

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
}
