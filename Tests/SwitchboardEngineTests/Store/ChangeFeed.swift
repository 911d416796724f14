import Synchronization

@testable import SwitchboardEngine

/// A store's change stream, read with a deadline: ``next()`` gives nil when no change came within `timeout` (or the
/// stream ended), so a change that never comes fails the test instead of hanging it.
struct ChangeFeed {
    private final class Received: Sendable {
        let state = Mutex((changes: [StoreChange](), ended: false))
    }

    private let received = Received()
    private let timeout: Duration

    init(_ stream: AsyncStream<StoreChange>, timeout: Duration = .seconds(20)) {
        self.timeout = timeout
        let received = self.received
        Task {
            for await change in stream { received.state.withLock { $0.changes.append(change) } }
            received.state.withLock { $0.ended = true }
        }
    }

    /// The next change, polled for until it comes or `timeout` passes.
    mutating func next() async -> StoreChange? {
        let clock = ContinuousClock()
        let end = clock.now + timeout
        while true {
            let (change, ended) = received.state.withLock { state -> (StoreChange?, Bool) in
                state.changes.isEmpty ? (nil, state.ended) : (state.changes.removeFirst(), false)
            }
            if let change { return change }
            if ended || clock.now >= end { return nil }
            try? await Task.sleep(for: .milliseconds(5))
        }
    }
}
