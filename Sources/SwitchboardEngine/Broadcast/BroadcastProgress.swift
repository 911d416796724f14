import Foundation

/// How a running broadcast is doing, reported a few times a second and at the end.
package struct BroadcastProgress: Sendable, Hashable {
    package var campaignID: String
    package var tally: CampaignTally
    package var startedAt: Date
    package var now: Date
    /// Requests finished per second over the last few seconds.
    package var recentRate: Double
    /// Paused by the operator.
    package var paused: Bool
    /// Tagget asked everyone to wait (429 / Retry-After) until this time.
    package var throttledUntil: Date?
    /// The last problem worth showing (a rejection, an unknown outcome, a 429).
    package var lastProblem: String?

    package init(
        campaignID: String, tally: CampaignTally, startedAt: Date, now: Date, recentRate: Double = 0,
        paused: Bool = false, throttledUntil: Date? = nil, lastProblem: String? = nil
    ) {
        self.campaignID = campaignID
        self.tally = tally
        self.startedAt = startedAt
        self.now = now
        self.recentRate = recentRate
        self.paused = paused
        self.throttledUntil = throttledUntil
        self.lastProblem = lastProblem
    }

    /// Recipients not yet in a final state.
    package var remaining: Int { tally[.queued] + tally[.sending] }

    /// Time left at the recent rate (nil while nothing has been measured or when paused).
    package var estimatedTimeLeft: Duration? {
        guard !paused, recentRate > 0 else { return remaining == 0 ? .zero : nil }
        return .seconds(Double(remaining) / recentRate)
    }

    /// The share done, 0...1.
    package var fraction: Double {
        tally.total == 0 ? 1 : Double(tally.done) / Double(tally.total)
    }
}

/// How a run ended.
package enum BroadcastRunEnd: Sendable, Hashable {
    /// Every recipient is in a final state.
    case finished
    /// The operator cancelled; queued recipients stay queued (`--resume` carries on).
    case cancelled
    /// Another process took the campaign over (this one had stalled past its lease).
    case lost
}
