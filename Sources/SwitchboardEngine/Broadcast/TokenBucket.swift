import Foundation
import Synchronization

/// Paces a broadcast: at most one request every `1 / rate` seconds (a token bucket holding one token, i.e. GCRA:
/// no bursts, so a carrier never sees more than the rate in any window), and a pause for everyone when Tagget says
/// to slow down (`429`, `Retry-After`). A sender reserves a slot and sleeps until it, claims its recipient (a
/// commit whose length varies), then asks for its ``departure()``, which spaces the actual requests at least one
/// interval apart however the commits bunched up or the senders woke late. A lock, not an actor: every send asks
/// it three times, and a hop to an actor each time cost more than the answers.
package final class TokenBucket: Sendable {
    private struct State {
        let interval: TimeInterval?
        /// The theoretical time of the next free slot.
        var nextSlot: Date
        /// When the last request left.
        var lastDeparture: Date?
        /// Nobody sends before this (a 429's `Retry-After`).
        var pausedUntil: Date?
    }

    private let clock: any WallClock
    private let state: Mutex<State>

    package init(rate: BroadcastRate, clock: any WallClock) {
        self.clock = clock
        state = Mutex(State(interval: Self.interval(rate), nextSlot: clock.now()))
    }

    private static func interval(_ rate: BroadcastRate) -> TimeInterval? {
        switch rate {
        case .perSecond(let value): 1 / value
        case .unlimited: nil
        }
    }

    /// Nobody sends before this (a 429's `Retry-After`).
    package var pausedUntil: Date? { state.withLock { $0.pausedUntil } }

    /// Takes the next slot and says when it is (now or later). The slot is the caller's even if it does not use it.
    package func reserve() -> Date {
        let now = clock.now()
        return state.withLock { state in
            var slot = max(state.nextSlot, now)
            if let pausedUntil = state.pausedUntil, pausedUntil > slot { slot = pausedUntil }
            if let interval = state.interval { state.nextSlot = slot.addingTimeInterval(interval) }
            return slot
        }
    }

    /// Asks to send now: nil when the caller may go (its departure is recorded), else how long to wait before
    /// asking again. Departures are recorded when they happen, not when planned, so a sender that woke late pushes
    /// the next one back instead of leaving right before it.
    package func departure() -> Duration? {
        let now = clock.now()
        return state.withLock { state in
            if let pausedUntil = state.pausedUntil, pausedUntil > now {
                return .seconds(pausedUntil.timeIntervalSince(now))
            }
            if let interval = state.interval, let lastDeparture = state.lastDeparture {
                let earliest = lastDeparture.addingTimeInterval(interval)
                if earliest > now { return .seconds(earliest.timeIntervalSince(now)) }
            }
            state.lastDeparture = now
            return nil
        }
    }

    /// Stops every sender until `until` (a later pause wins; an earlier one changes nothing).
    package func pause(until: Date) {
        state.withLock { state in
            if state.pausedUntil.map({ $0 < until }) ?? true { state.pausedUntil = until }
            if state.nextSlot < until { state.nextSlot = until }
        }
    }

    /// Whether a slot reserved earlier may still be used at `now` (no pause began since).
    package func mayGo(at now: Date) -> Bool {
        state.withLock { state in state.pausedUntil.map { $0 <= now } ?? true }
    }
}
