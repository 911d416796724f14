import Foundation

/// What retention may remove, judged at one moment.
///
/// A text goes when it was received before ``before`` and is closed: its stored state is final (replied, rejected,
/// closed, expired), or it is `pending` and its reply window had passed at ``now``. An open text (pending inside its
/// window) and a text being answered (`replying`, a claim in flight) always stay, whatever ``before`` says. A
/// broadcast goes when it was created before ``before``, is `finished` or `cancelled`, and no runner holds a live
/// lease on it.
package struct RetentionRule: Sendable, Hashable {
    /// Texts received and campaigns created before this moment may go.
    package var before: Date
    /// The moment the rule is applied: decides which pending texts' windows have passed and which leases live.
    package var now: Date
    /// The reply window (`tagga.reply_window`).
    package var window: Duration

    package init(before: Date, now: Date, window: Duration) {
        self.before = before
        self.now = now
        self.window = window
    }

    /// A pending text received at or before this has no time left to be answered (its deadline is not after ``now``).
    package var windowClosedSince: Date { now.addingTimeInterval(-window.timeInterval) }

    /// The final states, as stored.
    package static let finalStates: [String] = TransactionState.allCases.filter(\.isFinal).map(\.rawValue).sorted()

    /// The campaign states that may go.
    package static let campaignStates: [String] = [CampaignState.cancelled, .finished].map(\.rawValue)
}
