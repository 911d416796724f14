import Foundation

/// Keeping the search index up to date, off the callback path.
package protocol SearchIndexStore: Sendable {
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
}
