import Foundation

/// Paces a broadcast: at most one request every `1 / rate` seconds (a token bucket holding one token, i.e. GCRA:
/// no bursts, so a carrier never sees more than the rate in any window), and a pause for everyone when Tagget says
/// to slow down (`429`, `Retry-After`). A sender reserves a slot and sleeps until it, claims its recipient (a
/// commit whose length varies), then passes the departure gate, which spaces the actual requests at least one
/// interval apart however the commits bunched up.
package actor TokenBucket {
    private var interval: TimeInterval?
    private let clock: any WallClock
    /// The theoretical time of the next free slot.
    private var nextSlot: Date
    /// When the last request left through the gate.
    private var lastDeparture: Date?
    /// Nobody sends before this (a 429's `Retry-After`).
    package private(set) var pausedUntil: Date?

    package init(rate: BroadcastRate, clock: any WallClock) {
        self.clock = clock
        nextSlot = clock.now()
        interval = Self.interval(rate)
    }

    private static func interval(_ rate: BroadcastRate) -> TimeInterval? {
        switch rate {
        case .perSecond(let value): 1 / value
        case .unlimited: nil
        }
    }

    /// Changes the rate from the next reservation on.
    package func setRate(_ rate: BroadcastRate) {
        interval = Self.interval(rate)
    }

    /// Takes the next slot and says when it is (now or later). The slot is the caller's even if it does not use it.
    package func reserve() -> Date {
        let now = clock.now()
        var slot = max(nextSlot, now)
        if let pausedUntil, pausedUntil > slot { slot = pausedUntil }
        if let interval { nextSlot = slot.addingTimeInterval(interval) }
        return slot
    }

    /// When the caller's request may leave: one interval after the previous departure at the earliest, and not
    /// during a pause. The departure is the caller's; it must go then.
    package func depart() -> Date {
        var at = clock.now()
        if let interval, let lastDeparture { at = max(at, lastDeparture.addingTimeInterval(interval)) }
        if let pausedUntil, pausedUntil > at { at = pausedUntil }
        lastDeparture = at
        return at
    }

    /// Stops every sender until `until` (a later pause wins; an earlier one changes nothing).
    package func pause(until: Date) {
        if pausedUntil.map({ $0 < until }) ?? true { pausedUntil = until }
        if nextSlot < until { nextSlot = until }
    }

    /// Whether a slot reserved earlier may still be used at `now` (no pause began since).
    package func mayGo(at now: Date) -> Bool {
        pausedUntil.map { $0 <= now } ?? true
    }
}
