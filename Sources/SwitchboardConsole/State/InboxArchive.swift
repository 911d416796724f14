import Foundation
import SwitchboardEngine

/// The part of a paged list (the "replied", "closed" and "all" filters, and search) older than the working set:
/// pages read from the store, newest first, as the operator scrolls. Those texts are past their reply window, so
/// nothing the clock does changes which of them belong; a write to one is applied in place.
package struct InboxArchive: Sendable {
    /// What the loaded pages answer (its `after` is nil); nil when no paged list is shown.
    package var query: InboxPageQuery?
    /// The texts loaded so far, newest first.
    package var transactions: [InboxTransaction] = []
    /// Where the next page starts; nil once the last page is in (or before the first arrives).
    package var next: InboxPageKey?
    /// A page was asked for and has not come back.
    package var loading = false
    /// How many stored texts the query matches, once counted.
    package var total: Int?

    package init() {}

    /// Every page has been read.
    package var isComplete: Bool { query != nil && !loading && next == nil }
}

/// How far back the console holds every text in memory, and how it moves forward: texts received in the last
/// reply window plus `slack` are the working set; every `step` the start moves up and older texts leave it (they
/// are still found through the paged lists).
package enum WorkingSetSpan {
    package static let slack: TimeInterval = 300
    package static let step: TimeInterval = 300

    /// The start of the working set at `now`.
    package static func start(now: Date, window: ReplyWindow) -> Date {
        now.addingTimeInterval(-window.windowSeconds - slack)
    }

    /// How far back the runtime reads, so nothing the state still holds is missed between two moves.
    package static func readSince(now: Date, window: ReplyWindow) -> Date {
        start(now: now, window: window).addingTimeInterval(-step)
    }
}
