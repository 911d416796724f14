/// How long to wait before the next attempt: exponential, capped, with optional jitter.
package struct RetryBackoff: Sendable {
    package var base: Duration
    package var maximum: Duration
    package var jitter: Bool

    package init(base: Duration = .milliseconds(500), maximum: Duration = .seconds(30), jitter: Bool = true) {
        self.base = base
        self.maximum = maximum
        self.jitter = jitter
    }

    /// No waiting at all, for tests.
    package static let immediate = RetryBackoff(base: .zero, maximum: .zero, jitter: false)

    /// The wait before attempt `attempt + 1`, after `attempt` (1-based) attempts have failed.
    package func delay(afterAttempt attempt: Int) -> Duration {
        let exponent = min(max(attempt - 1, 0), 30)
        var wait = base * (1 << exponent)
        if wait > maximum { wait = maximum }
        if jitter { wait = wait * Double.random(in: 0.5...1.0) }
        return wait
    }
}
