import Foundation
import Logging
import ServiceLifecycle

/// Keeps the store's search index beside the receiver, off the callbacks' commits: every couple of seconds, takes
/// removed texts out of it and adds the texts received more than ``delay`` ago, in short transactions with at least
/// as long a pause after each. A console holds the last reply window in memory and searches it itself; the index is
/// for older texts, so the delay costs nothing, and a burst of callbacks is never slowed by it (the index work comes
/// after the burst).
///
/// On SQLite the index has a file and a connection of its own (``SQLiteSearchFile``): its transactions, merge steps
/// included, never hold the store's write lock, so a callback never waits for them.
struct SearchIndexer: Service {
    static let delay: TimeInterval = 120
    static let batch = 200
    static let interval: Duration = .seconds(2)

    let store: any SearchIndexStore
    let clock: any WallClock
    let logger: Logger

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    try await catchUp()
                } catch {
                    logger.warning("search index not updated", metadata: ["error": "\(error)"])
                }
                try? await Task.sleep(for: Self.interval)
            }
        }
    }

    /// Transactions until the index is up to date.
    private func catchUp() async throws {
        let timer = ContinuousClock()
        while !Task.isCancelled {
            let started = timer.now
            let changed = try await store.indexForSearch(
                receivedBefore: clock.now().addingTimeInterval(-Self.delay), limit: Self.batch)
            let took = timer.now - started
            guard changed == Self.batch else { return }
            // At least as long a pause as the transaction took: the indexer keeps to half a core at most.
            try? await Task.sleep(for: max(.milliseconds(2), took))
        }
    }
}
