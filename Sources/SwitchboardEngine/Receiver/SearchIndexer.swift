import Foundation
import Logging
import ServiceLifecycle

/// Fills the store's search index beside the receiver, off the callbacks' commits: every couple of seconds, the
/// texts received more than ``delay`` ago that are not indexed yet, ``batch`` at a time in short transactions (a few
/// milliseconds of SQLite's write lock each). A console holds the last reply window in memory and searches it
/// itself; the index is for older texts, so the delay costs nothing, and a burst of callbacks is never slowed by
/// it (the index work comes after the burst, in large efficient batches).
struct SearchIndexer: Service {
    static let delay: TimeInterval = 120
    static let batch = 500
    static let interval: Duration = .seconds(2)

    let store: any Store
    let clock: any WallClock
    let logger: Logger

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    var indexed = Self.batch
                    while indexed == Self.batch, !Task.isCancelled {
                        indexed = try await store.indexForSearch(
                            receivedBefore: clock.now().addingTimeInterval(-Self.delay), limit: Self.batch)
                        // Let a waiting group commit take the write lock between batches.
                        if indexed == Self.batch { try? await Task.sleep(for: .milliseconds(2)) }
                    }
                } catch {
                    logger.warning("search index not updated", metadata: ["error": "\(error)"])
                }
                try? await Task.sleep(for: Self.interval)
            }
        }
    }
}
