import Foundation

/// The search index is filled after the callbacks' commits, by the receiver (``SearchIndexer``), in batches, and
/// emptied of removed texts the same way, on a connection and in a file of its own: see ``SQLiteSearchFile``.
extension SQLiteStore {
    package func indexForSearch(receivedBefore: Date, limit: Int) async throws -> Int {
        try await searchIndex.step(indexingBefore: receivedBefore, limit: limit)
    }

    package func unindexRemoved(limit: Int) async throws -> Int {
        try await searchIndex.step(indexingBefore: nil, limit: limit)
    }
}
