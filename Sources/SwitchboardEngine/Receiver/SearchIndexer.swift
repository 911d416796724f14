import Foundation
import Logging
import ServiceLifecycle

/// Keeps the store's search index beside the receiver, off the callbacks' commits: every couple of seconds, takes
/// removed texts out of it and adds the texts received more than ``delay`` ago, in short transactions with at least
/// as long a pause after each. A console holds the last reply window in memory and searches it itself; the index is
/// for older texts, so the delay costs nothing, and a burst of callbacks is never slowed by it (the index work comes
/// after the burst).
///
/// On SQLite, where a callback's commit waits for whoever holds the write lock (and, in `serve`, queues behind the
/// indexer on the process's one writer connection), a transaction's size follows a 2 ms target
/// (``RetentionBatchSize``) up to ``sqliteBatch``: 200 removed texts at a time held the lock for 100 ms beside a
/// retention run. Most transactions merge nothing and take well under the target, so without the cap the size
/// climbed back to 200, whose transactions took 5-10 ms; an FTS5 merge step can still take about 8 ms whatever its
/// size (Benchmarks/RESULTS.md).
struct SearchIndexer: Service {
    static let delay: TimeInterval = 120
    static let batch = 200
    static let sqliteBatch = 32
    static let interval: Duration = .seconds(2)

    let store: any Store
    let clock: any WallClock
    let logger: Logger
    /// How many entries a transaction takes: on SQLite it follows how long they take, elsewhere (PostgreSQL, whose
    /// callbacks do not wait for it) it is always ``batch``.
    let sizing: RetentionBatchSize

    init(store: any Store, clock: any WallClock, logger: Logger) {
        self.store = store
        self.clock = clock
        self.logger = logger
        sizing =
            store is SQLiteStore
            ? RetentionBatchSize(most: Self.sqliteBatch, target: .milliseconds(2), least: 4, start: 10)
            : RetentionBatchSize(most: Self.batch, target: nil)
    }

    func run() async throws {
        await cancelWhenGracefulShutdown {
            var size = sizing
            while !Task.isCancelled {
                do {
                    try await catchUp(&size)
                } catch {
                    logger.warning("search index not updated", metadata: ["error": "\(error)"])
                }
                try? await Task.sleep(for: Self.interval)
            }
        }
    }

    /// Transactions until the index is up to date.
    private func catchUp(_ size: inout RetentionBatchSize) async throws {
        let timer = ContinuousClock()
        while !Task.isCancelled {
            let limit = size.current
            let started = timer.now
            let changed = try await store.indexForSearch(
                receivedBefore: clock.now().addingTimeInterval(-Self.delay), limit: limit)
            let took = timer.now - started
            size.record(took)
            guard changed == limit else { return }
            // At least as long a pause as the transaction took: commits get the write lock at least half the time.
            try? await Task.sleep(for: max(.milliseconds(2), took))
        }
    }
}
