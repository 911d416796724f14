import Foundation
import SwitchboardEngine

/// The inbox: the working set followed from the store, the older texts paged in for the list shown, what the list
/// shows (filter, tagg, search) and which text is selected, and what is known about each text (its journal, who
/// else is writing to it, its last-minute bell). The working set changes through ``WorkingSetUpdate``, the pages
/// through ``InboxArchiveUpdate``, the rest through ``InboxUpdate``.
package struct InboxModel: Sendable {
    // MARK: The working set

    /// The working set's texts stored open (pending or being replied to), oldest receipt first.
    package var transactions: [InboxTransaction] = []
    /// The working set's closed texts (replied, rejected, closed, expired), oldest receipt first.
    package var closedRecent: [InboxTransaction] = []
    /// The working set holds every text received since this; older ones are read in pages when a list shows them.
    package var workingSince = Date.distantPast
    /// The working set follows a store (its start moves up with the clock and older texts are paged in); false
    /// for an inbox given whole (tests).
    package var followsStore = false
    /// How many texts the store holds in each state (its counters), for the header.
    package var storeCounts = InboxCounts()
    /// Why the store cannot be read, and since when (nil once a load succeeds): what is shown may be stale.
    package var storeTrouble: (reason: String, since: Date)?
    /// The inbox has been loaded once (a first load rings no bell).
    package var hasLoaded = false

    // MARK: The list

    /// The older texts of the paged list shown, read from the store as the operator scrolls.
    package var archive = InboxArchive()
    package var filter: InboxFilter = .pending
    /// Only this tagg (case-insensitive), or all.
    package var taggFilter: String?
    /// The search applied to the list, and the one being typed after `/`.
    package var search = SearchModel()
    package var selectedID: String?
    /// Lines the detail pane is scrolled down by (reset when another text is selected).
    package var detailScroll = 0

    // MARK: About each text

    package var journals: [String: [ReplyJournalEntry]] = [:]
    /// The other consoles' soft locks, by text: who is writing a reply to it (shown while live).
    package var othersComposing: [String: [ComposingMark]] = [:]
    /// Texts already rung for at one minute left, with when they arrived (forgotten once long closed).
    package var warnedLastMinute: [String: Date] = [:]

    package init() {}

    /// The filter the list applies: a search looks through every text, unless the filter is replied or closed.
    package var effectiveFilter: InboxFilter {
        guard !search.applied.isEmpty else { return filter }
        return filter == .replied || filter == .closed ? filter : .all
    }

    /// The list is newest first and reaches past the working set into the store (replied, closed, all, search).
    package var isPaged: Bool { effectiveFilter != .pending && effectiveFilter != .expiring }

    /// What to ask the store for the list's older texts; nil when the list needs none.
    package var archiveQuery: InboxPageQuery? {
        guard followsStore, isPaged, !search.isTooShortForStore else { return nil }
        let states: Set<TransactionState>? =
            switch effectiveFilter {
            case .replied: [.replied]
            case .closed: Set(TransactionState.allCases).subtracting([.replied])
            default: nil
            }
        return InboxPageQuery(
            states: states, tagg: taggFilter, search: search.applied.isEmpty ? nil : search.applied,
            receivedBefore: workingSince, limit: InboxArchiveUpdate.pageSize)
    }

    /// When the newest text of the working set arrived.
    package var newestReceipt: Date? {
        [transactions.last?.receivedAt, closedRecent.last?.receivedAt].compactMap { $0 }.max()
    }

    /// A text the inbox holds (working set or a loaded page), by id.
    package func transaction(id: String) -> InboxTransaction? {
        transactions.first { $0.id == id } ?? closedRecent.first { $0.id == id }
            ?? archive.transactions.first { $0.id == id }
    }

    /// Who else is writing a reply to a text at `now`.
    package func composers(of transactionID: String, at now: Date) -> [ComposingMark] {
        guard let marks = othersComposing[transactionID] else { return [] }
        return marks.filter { $0.isLive(at: now) }
    }

    /// The working set's taggs, upper case and sorted, which `t` cycles through.
    var taggs: [String] {
        Array(Set((transactions + closedRecent).map { $0.tagg.uppercased() })).sorted()
    }
}
