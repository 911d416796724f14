import Foundation
import SwitchboardEngine

/// The whole console as a value: what is loaded, what is selected, which pane is open, what is being typed.
/// Only ``ConsoleUpdate/update(_:_:)`` changes it; the views draw it.
package struct ConsoleState: Sendable {
    /// Which pane has the keyboard.
    package enum Mode: Sendable, Hashable {
        case inbox
        case compose
        case search
        case help
        /// The broadcast screen's steps (`b`): compose, the dry run (with the typed confirmation), sending, results.
        case broadcastCompose
        case broadcastReview
        case broadcastProgress
        case broadcastResults

        /// The broadcast screen's steps, in order.
        package static let broadcastSteps: [Mode] = [
            .broadcastCompose, .broadcastReview, .broadcastProgress, .broadcastResults,
        ]

        /// One of the broadcast screen's steps.
        package var isBroadcast: Bool { Self.broadcastSteps.contains(self) }
    }

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
    /// The older texts of the paged list shown, read from the store as the operator scrolls.
    package var archive = InboxArchive()
    package var window: ReplyWindow
    package var now: Date
    /// Where the screen's parts go at the terminal's size (worked out again on every resize).
    package var geometry: ScreenGeometry
    package var mode: Mode = .inbox
    package var filter: InboxFilter = .pending
    /// Only this tagg (case-insensitive), or all.
    package var taggFilter: String?
    /// The applied search, and the one being typed after `/`.
    package var search = ""
    package var searchDraft = ""
    package var selectedID: String?
    package var compose: ComposeDraft?
    package var journals: [String: [ReplyJournalEntry]] = [:]
    /// Why the store cannot be read, and since when (nil once a load succeeds): what is shown may be stale.
    package var storeTrouble: (reason: String, since: Date)?
    /// The other consoles' soft locks, by text: who is writing a reply to it (shown while live).
    package var othersComposing: [String: [ComposingMark]] = [:]
    package var status = ConsoleStatus()
    package var paymentRegistered = false
    /// Ready answers from `console.canned_replies`, inserted with `Ctrl-R`.
    package var cannedReplies: [CannedReply] = []
    /// A one-line message under the inbox, and when it stops showing.
    package var flash: (text: String, isError: Bool, until: Date)?
    /// Ring the bell when a text arrives and when one reaches its last minute.
    package var bell = true
    /// Texts already rung for at one minute left, with when they arrived (forgotten once long closed).
    package var warnedLastMinute: [String: Date] = [:]
    /// The console is leaving: set by the update whenever it asks to quit (the loop only reads it).
    package var quitting = false
    /// Inside a bracketed paste (between the terminal's paste markers).
    package var pasting = false
    /// Lines the detail pane is scrolled down by (reset when another text is selected).
    package var detailScroll = 0
    /// The inbox has been loaded once (a first load rings no bell).
    package var hasLoaded = false
    /// Seconds east of UTC for the clock and receipt times (the runtime sets the local offset; tests use 0).
    package var timeZoneOffset = 0
    /// Where the help overlay returns to (its sections follow: the broadcast's keys from the broadcast screen).
    package var helpReturnMode: Mode = .inbox
    /// The sender and pace broadcasts use; nil when Tagget is not configured (then `b` says what to set).
    package var broadcastSettings: BroadcastSettings?
    /// The broadcast being prepared.
    package var broadcast = BroadcastScreen()
    /// The broadcast started from this console, running or over.
    package var broadcastRun: BroadcastRun?
    /// `q` was pressed while a broadcast is sending: a second `q` before this time quits (and stops it).
    package var quitArmedUntil: Date?

    package init(window: ReplyWindow, now: Date, width: Int, height: Int) {
        self.window = window
        self.now = now
        geometry = ScreenGeometry(width: width, height: height)
    }

    /// The terminal's size.
    package var width: Int { geometry.width }
    package var height: Int { geometry.height }

    /// The texts the inbox shows: filter, tagg and search applied, deadline first (newest first when paged).
    package var visible: [InboxTransaction] { InboxSnapshot(self).rows }

    /// The filter the list applies: a search looks through every text, unless the filter is replied or closed.
    package var effectiveFilter: InboxFilter {
        guard !search.isEmpty else { return filter }
        return filter == .replied || filter == .closed ? filter : .all
    }

    /// The list is newest first and reaches past the working set into the store (replied, closed, all, search).
    package var isPaged: Bool { effectiveFilter != .pending && effectiveFilter != .expiring }

    /// A search too short for the store's index looks through the working set only.
    package var searchTooShortForStore: Bool {
        !search.isEmpty && search.count < InboxPageQuery.minimumSearchLength
    }

    /// What to ask the store for the list's older texts; nil when the list needs none.
    package var archiveQuery: InboxPageQuery? {
        guard followsStore, isPaged, !searchTooShortForStore else { return nil }
        let states: Set<TransactionState>? =
            switch effectiveFilter {
            case .replied: [.replied]
            case .closed: Set(TransactionState.allCases).subtracting([.replied])
            default: nil
            }
        return InboxPageQuery(
            states: states, tagg: taggFilter, search: search.isEmpty ? nil : search, receivedBefore: workingSince,
            limit: InboxArchiveUpdate.pageSize)
    }

    /// When the newest text of the working set arrived.
    package var newestReceipt: Date? {
        [transactions.last?.receivedAt, closedRecent.last?.receivedAt].compactMap { $0 }.max()
    }

    /// A text the console holds (working set or a loaded page), by id.
    package func transaction(id: String) -> InboxTransaction? {
        transactions.first { $0.id == id } ?? closedRecent.first { $0.id == id }
            ?? archive.transactions.first { $0.id == id }
    }

    /// The text this console is writing a reply to, while its reply pane is open.
    package var composingID: String? { mode == .compose ? compose?.transactionID : nil }

    /// Who else is writing a reply to a text now.
    package func composers(of transactionID: String) -> [ComposingMark] {
        guard let marks = othersComposing[transactionID] else { return [] }
        return marks.filter { $0.isLive(at: now) }
    }

    /// The selected text, when it is visible (else the first visible one).
    package var selected: InboxTransaction? { InboxSnapshot(self).selected }
}
