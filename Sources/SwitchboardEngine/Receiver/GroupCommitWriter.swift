import Synchronization

/// The receiver's single writer: callbacks that arrive while a commit is running wait and go into the next one,
/// so one fsync acknowledges many. Each caller resumes only after its own batch has committed, or failed: the store
/// bounds each commit (``PostgresStore/Timeouts``), so a caller waits at most for the commit in progress and its
/// own. A failed commit fails every callback of its batch, and the next batch is tried afresh.
package final class GroupCommitWriter: Sendable {
    private typealias Waiter = (
        callback: InboundCallback, continuation: CheckedContinuation<CallbackInsertResult, any Error>
    )

    private struct State {
        var queue: [Waiter] = []
        var flushing = false
    }

    private let store: any CallbackStore
    private let maximumBatch: Int
    private let state = Mutex(State())
    private let lastFailure = Mutex<String?>(nil)
    private let onCommit: @Sendable (_ size: Int, _ duration: Duration) -> Void

    /// `maximumBatch` 1 turns group commit off (one commit per callback), for comparison.
    package init(
        store: any CallbackStore, maximumBatch: Int = 512,
        onCommit: @escaping @Sendable (_ size: Int, _ duration: Duration) -> Void = { _, _ in }
    ) {
        self.store = store
        self.maximumBatch = max(1, maximumBatch)
        self.onCommit = onCommit
    }

    /// Why the last commit failed, until a commit succeeds again (nil while the last one succeeded).
    package var failure: String? { lastFailure.withLock { $0 } }

    /// Stores one callback; returns once it is durably committed (or throws if the commit failed).
    package func submit(_ callback: InboundCallback) async throws -> CallbackInsertResult {
        try await withCheckedThrowingContinuation { continuation in
            let startFlushing = state.withLock { state -> Bool in
                state.queue.append((callback, continuation))
                guard !state.flushing else { return false }
                state.flushing = true
                return true
            }
            if startFlushing { Task { await self.flush() } }
        }
    }

    private func flush() async {
        let clock = ContinuousClock()
        while true {
            let batch = state.withLock { state -> [Waiter] in
                let batch = Array(state.queue.prefix(maximumBatch))
                state.queue.removeFirst(batch.count)
                if batch.isEmpty { state.flushing = false }
                return batch
            }
            guard !batch.isEmpty else { return }
            let started = clock.now
            do {
                let results = try await store.insertCallbacks(batch.map(\.callback))
                guard results.count == batch.count else {
                    throw StoreError.unavailable(
                        "the store answered \(results.count) results for \(batch.count) callbacks")
                }
                lastFailure.withLock { $0 = nil }
                onCommit(batch.count, clock.now - started)
                for (waiter, result) in zip(batch, results) { waiter.continuation.resume(returning: result) }
            } catch {
                lastFailure.withLock { $0 = "\(error)" }
                for waiter in batch { waiter.continuation.resume(throwing: error) }
            }
        }
    }
}
