import Foundation
import Logging
import ServiceLifecycle

/// Fills the store's search index beside the receiver, off the callbacks' commits: every couple of seconds, the
/// texts received more than ``delay`` ago that are not indexed yet, ``batch`` at a time in short transactions (a few
/// milliseconds of SQLite's write lock each, with at least as long a pause after each). A console holds the last reply window in memory and searches it
/// itself; the index is for older texts, so the delay costs nothing, and a burst of callbacks is never slowed by
/// it (the index work comes after the burst, in large efficient batches).
struct SearchIndexer: Service {
    static let delay: TimeInterval = 120
    static let batch = 200
    static let interval: Duration = .seconds(2)

    let store: any Store
    let clock: any WallClock
    let logger: Logger

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    var indexed = Self.batch
                    let timer = ContinuousClock()
                    while indexed == Self.batch, !Task.isCancelled {
                        let started = timer.now
                        indexed = try await store.indexForSearch(
                            receivedBefore: clock.now().addingTimeInterval(-Self.delay), limit: Self.batch)
                        // At least as long a pause as the batch took: group commits get the write lock at least
                        // half the time while a backlog is indexed.
                        if indexed == Self.batch {
                            try? await Task.sleep(for: max(.milliseconds(2), timer.now - started))
                        }
                    }
                } catch {
                    logger.warning("search index not updated", metadata: ["error": "\(error)"])
                }
                try? await Task.sleep(for: Self.interval)
            }
        }
    }
}
