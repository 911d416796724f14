/// Where a transaction stands, as stored (docs/provider-contract.md §2). Expiry of a pending text is derived from the clock
/// (see ``InboxTransaction/status(now:window:)``); `expired` is stored only when Tagga says so (code 20).
package enum TransactionState: String, Sendable, Hashable, Codable, CaseIterable {
    case pending
    /// Claimed by a reply in flight.
    case replying
    case replied
    case rejected
    case closed
    case expired

    /// Whether nothing more can be sent.
    package var isFinal: Bool {
        switch self {
        case .pending, .replying: false
        case .replied, .rejected, .closed, .expired: true
        }
    }

    /// The stored state a reply resolution leaves behind.
    package init(after resolution: TaggaReplyResolution) {
        switch resolution {
        case .replied, .repliedConfirmedByDuplicate: self = .replied
        case .answeredElsewhere: self = .closed
        case .rejected: self = .rejected
        case .expired: self = .expired
        case .stillPending, .unknown: self = .pending
        }
    }
}

/// What a person is shown: the stored state with the clock and the journal applied.
package enum TransactionStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Open, with time left.
    case pending
    /// A reply is in flight (its claim is live).
    case replying
    /// Open, but the last attempt's outcome is unknown (lost answer, or a crash mid-reply): it may be retried.
    case outcomeUnknown = "outcome-unknown"
    case replied
    case rejected
    case closed
    /// The reply window has passed, or Tagga said so.
    case expired

    /// Whether a reply may still be attempted.
    package var isOpen: Bool { self == .pending || self == .outcomeUnknown }
}
