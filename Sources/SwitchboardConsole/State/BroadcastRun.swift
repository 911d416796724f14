import SwitchboardEngine

/// The broadcast this console started: its campaign, how it is doing, and once it stopped, what was not sent.
/// It keeps going when the operator goes back to the inbox (`Esc`); `b` comes back to it.
package struct BroadcastRun: Sendable, Hashable {
    package var campaign: Campaign
    /// The runner's latest report; nil until the first.
    package var progress: BroadcastProgress?
    /// Paused by the operator (set at once on `p`, then as the runner reports).
    package var paused = false
    /// `c` was pressed: the cancel waits for `y`.
    package var confirmingCancel = false
    package var cancelling = false
    /// How the run stopped; nil while it runs.
    package var end: BroadcastRunEnd?
    /// Why it stopped early, when an error stopped it.
    package var failure: String?
    /// The campaign's tally from the store once the run stopped.
    package var finalTally: CampaignTally?
    /// The recipients not sent (rejected, failed, unknown), in list order, for the results; nil until loaded.
    package var notSent: [CampaignRecipient]?
    /// The first results row shown.
    package var resultsScroll = 0
    /// "Retry failed" was asked for and has not started yet.
    package var retrying = false
    /// The operator has seen the results (the inbox's status bar stops pointing at them).
    package var resultsSeen = false
    /// The run's message line, and whether it is an error.
    package var notice: String?
    package var noticeIsError = false

    package init(campaign: Campaign) {
        self.campaign = campaign
    }

    /// The run has stopped (finished, cancelled, taken over, or failed).
    package var isOver: Bool { end != nil || failure != nil }

    /// The counts to show: the store's once the run stopped, else the runner's.
    package var tally: CampaignTally {
        finalTally ?? progress?.tally ?? CampaignTally(counts: [.queued: campaign.recipientCount])
    }

    /// The share done, 0…1.
    package var fraction: Double {
        let tally = tally
        return tally.total == 0 ? 0 : Double(tally.done) / Double(tally.total)
    }

    /// How the run stopped, in a word or two (for the results, the inbox's line and the flash).
    package var endWord: String {
        if failure != nil { return "stopped" }
        switch end {
        case .finished: return "finished"
        case .cancelled: return "cancelled"
        case .lost: return "taken over"
        case nil: return paused ? "paused" : "sending"
        }
    }

    package mutating func say(_ text: String, error: Bool = false) {
        notice = text
        noticeIsError = error
    }

    /// At most this many recipients not sent are loaded for the results.
    package static let resultsLimit = 2000
}
