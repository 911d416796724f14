/// Where a campaign as a whole is.
package enum CampaignState: String, Sendable, Hashable, CaseIterable, Codable {
    /// Sending (or its process died while sending: resume it with `--resume`).
    case running
    /// Paused by the operator: nothing new is claimed until it is resumed.
    case paused
    /// Stopped by the operator; the recipients not yet sent stay queued, and `--resume` carries on.
    case cancelled
    /// Every recipient reached a final state.
    case finished
}
