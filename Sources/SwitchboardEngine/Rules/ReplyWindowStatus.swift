/// Where a transaction stands against its reply deadline.
package enum ReplyWindowStatus: Sendable, Hashable {
    /// More than the safety margin left (or exactly the margin): a reply may be sent.
    case open(timeLeft: Duration)
    /// Still before the deadline, but less than the safety margin left: refused locally as code 20.
    case insideSafetyMargin(timeLeft: Duration)
    /// The deadline has passed (or is now): refused locally as code 20.
    case closed(overdueBy: Duration)

    /// Whether a reply may still be sent.
    package var canReply: Bool {
        if case .open = self { return true }
        return false
    }
}
