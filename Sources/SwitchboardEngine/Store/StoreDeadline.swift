import Synchronization

/// An upper bound on how long a caller waits for a store operation.
///
/// The operation runs in a task of its own and the caller gets its result, or ``Expired`` once `limit` has passed,
/// whichever comes first. On expiry the operation's task is cancelled (a wait for a pooled connection ends at once)
/// but not awaited: a statement already sent to the server may still finish, and commit, after the caller was told
/// it failed. Callers whose writes are idempotent (a callback, keyed by its transaction id) can live with that;
/// the caller never waits longer than `limit` for an answer that may never come.
package enum StoreDeadline {
    /// The operation did not finish within the limit.
    package struct Expired: Error {}

    package static func run<T: Sendable>(
        within limit: Duration, _ operation: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        let race = Race<T>()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
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
                race.started(work: work, timer: timer)
            }
        } onCancel: {
            // The caller was cancelled: so is the operation, which then ends as it does on cancellation.
            race.cancelWork()
        }
    }

    /// Whichever of the operation and the timer finishes first resumes the caller; the other finds nothing to do.
    private final class Race<T: Sendable>: Sendable {
        private struct State {
            var continuation: CheckedContinuation<T, any Error>?
            var work: Task<Void, Never>?
            var timer: Task<Void, Never>?
            var finished = false
            var cancelled = false
        }

        private let state = Mutex(State())

        func begin(_ continuation: CheckedContinuation<T, any Error>) {
            state.withLock { $0.continuation = continuation }
        }

        /// Keeps the tasks, to cancel the timer when the operation wins and the operation when the caller is
        /// cancelled; does either now if it already happened.
        func started(work: Task<Void, Never>, timer: Task<Void, Never>) {
            let (finished, cancelled) = state.withLock { state in
                state.work = work
                if !state.finished { state.timer = timer }
                return (state.finished, state.cancelled)
            }
            if finished { timer.cancel() }
            if cancelled { work.cancel() }
        }

        func cancelWork() {
            let work = state.withLock { state in
                state.cancelled = true
                return state.work
            }
            work?.cancel()
        }

        /// Resumes the caller unless it was already resumed; returns whether this call did.
        @discardableResult
        func finish(_ result: Result<T, any Error>) -> Bool {
            let (continuation, timer) = state.withLock { state in
                defer {
                    state.finished = true
                    state.continuation = nil
                    state.timer = nil
                    state.work = nil
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
