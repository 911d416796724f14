import Synchronization

/// An upper bound on how long a caller waits for a store operation.
///
/// The operation runs in a task of its own and the caller gets its result, or ``Expired`` once `limit` has passed,
/// whichever comes first. On expiry the operation's task is cancelled (a wait for a pooled connection ends at once)
/// but not awaited: a statement already sent to the server may still finish, and commit, after the caller was told
/// it failed. Callers whose writes are idempotent (a callback, keyed by its transaction id) can live with that;
/// the caller never waits longer than `limit` for an answer that may never come.
enum StoreDeadline {
    /// The operation did not finish within the limit.
    struct Expired: Error {}

    static func run<T: Sendable>(
        within limit: Duration, _ operation: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        let race = Race<T>()
        return try await withCheckedThrowingContinuation { continuation in
            race.begin(continuation)
            let work = Task {
                do {
                    race.finish(.success(try await operation()))
                } catch {
                    race.finish(.failure(error))
                }
            }
            let timer = Task {
                try? await Task.sleep(for: limit)
                guard !Task.isCancelled else { return }
                if race.finish(.failure(Expired())) { work.cancel() }
            }
            race.armed(timer)
        }
    }

    /// Whichever of the operation and the timer finishes first resumes the caller; the other finds nothing to do.
    private final class Race<T: Sendable>: Sendable {
        private struct State {
            var continuation: CheckedContinuation<T, any Error>?
            var timer: Task<Void, Never>?
            var finished = false
        }

        private let state = Mutex(State())

        func begin(_ continuation: CheckedContinuation<T, any Error>) {
            state.withLock { $0.continuation = continuation }
        }

        /// Keeps the timer to cancel it when the operation wins, or cancels it now if it already has.
        func armed(_ timer: Task<Void, Never>) {
            let finished = state.withLock { state -> Bool in
                if !state.finished { state.timer = timer }
                return state.finished
            }
            if finished { timer.cancel() }
        }

        /// Resumes the caller unless it was already resumed; returns whether this call did.
        @discardableResult
        func finish(_ result: Result<T, any Error>) -> Bool {
            let (continuation, timer) = state.withLock { state in
                defer {
                    state.finished = true
                    state.continuation = nil
                    state.timer = nil
                }
                return (state.continuation, state.timer)
            }
            timer?.cancel()
            guard let continuation else { return false }
            continuation.resume(with: result)
            return true
        }
    }
}
