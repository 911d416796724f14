import Foundation
import SwitchboardEngine

/// The inbox's part of ``ConsoleUpdate``: its keys (moving, filtering, opening the other panes), the working set
/// loaded or changed (bells for new texts, the selection kept on a visible text), journals, and the last-minute
/// bells as the clock goes. The working set itself is kept by ``WorkingSetUpdate``, the paged lists by
/// ``InboxArchiveUpdate``.
enum InboxUpdate {
    // MARK: - Keys

    /// A key's action in the inbox.
    static func action(_ action: ConsoleAction, in state: inout ConsoleState) -> [ConsoleEffect] {
        let rows = state.visible
        let index = rows.firstIndex { $0.id == state.inbox.selectedID } ?? 0
        let page = state.geometry.inbox.listPage
        switch action {
        case .moveUp: return select(rows, index - 1, in: &state.inbox)
        case .moveDown: return select(rows, index + 1, in: &state.inbox)
        case .pageUp: return select(rows, index - page, in: &state.inbox)
        case .pageDown: return select(rows, index + page, in: &state.inbox)
        case .top: return select(rows, 0, in: &state.inbox)
        case .bottom: return select(rows, rows.count - 1, in: &state.inbox)
        case .scrollDetailDown:
            state.inbox.detailScroll += 1
            return []
        case .scrollDetailUp:
            state.inbox.detailScroll = max(0, state.inbox.detailScroll - 1)
            return []
        case .openReply: return ComposeUpdate.open(in: &state)
        case .undoSend: return ScheduledSendUpdate.undoFromInbox(in: &state)
        case .cycleFilter:
            state.inbox.filter = state.inbox.filter.next
            return listChanged(&state)
        case .cycleTagg:
            let taggs = state.inbox.taggs
            if let current = state.inbox.taggFilter?.uppercased(), let position = taggs.firstIndex(of: current) {
                state.inbox.taggFilter = position + 1 < taggs.count ? taggs[position + 1] : nil
            } else {
                state.inbox.taggFilter = taggs.first
            }
            return listChanged(&state)
        case .startSearch:
            state.inbox.search.begin()
            state.mode = .search
            return []
        case .clearSearch:
            state.inbox.search.clear()
            return InboxArchiveUpdate.refresh(&state.inbox)
        case .showHelp:
            state.helpReturnMode = .inbox
            state.mode = .help
            return []
        case .openBroadcast:
            return BroadcastUpdate.open(in: &state)
        case .quit:
            return ConsoleUpdate.quit(in: &state)
        default:
            return []
        }
    }

    /// The list shows other texts (the filter, tagg or search changed): its older texts are read again if it
    /// needs them, and the first text is selected.
    static func listChanged(_ state: inout ConsoleState) -> [ConsoleEffect] {
        InboxArchiveUpdate.refresh(&state.inbox) + select(state.visible, 0, in: &state.inbox)
    }

    /// Selects the `index`-th of the rows shown (kept in range), loading its journal and the next page near the end.
    static func select(_ rows: [InboxTransaction], _ index: Int, in inbox: inout InboxModel) -> [ConsoleEffect] {
        guard !rows.isEmpty else { return [] }
        let target = min(max(0, index), rows.count - 1)
        let more = InboxArchiveUpdate.loadMoreIfNeeded(selectedIndex: target, shown: rows.count, in: &inbox)
        let id = rows[target].id
        guard id != inbox.selectedID else { return more }
        inbox.selectedID = id
        inbox.detailScroll = 0
        return [.loadJournal(id)] + more
    }

    // MARK: - Engine events

    /// The whole inbox, given at once (not followed from a store).
    static func given(_ transactions: [InboxTransaction], in state: inout ConsoleState) -> [ConsoleEffect] {
        state.inbox.storeTrouble = nil
        state.inbox.followsStore = false
        let known = Set((state.inbox.transactions + state.inbox.closedRecent).map(\.id))
        WorkingSetUpdate.load(transactions, since: .distantPast, counts: nil, into: &state.inbox)
        return loaded(joined: transactions.map(\.id).filter { !known.contains($0) }, changed: nil, into: &state)
    }

    /// The working set read from the store to start following it.
    static func followed(_ read: InboxRead, since: Date, in state: inout ConsoleState) -> [ConsoleEffect] {
        state.inbox.storeTrouble = nil
        state.inbox.followsStore = true
        WorkingSetUpdate.load(read.transactions, since: since, counts: read.counts, into: &state.inbox)
        state.inbox.archive.query = nil
        return loaded(joined: nil, changed: nil, into: &state) + InboxArchiveUpdate.refresh(&state.inbox)
    }

    /// Texts that changed in the store.
    static func changed(_ changes: InboxRead, in state: inout ConsoleState) -> [ConsoleEffect] {
        state.inbox.storeTrouble = nil
        let joined = WorkingSetUpdate.apply(changes.transactions, counts: changes.counts, into: &state.inbox)
        return loaded(joined: joined, changed: Set(changes.transactions.map(\.id)), into: &state)
    }

    /// The store could not be read: what is shown stays, marked as possibly stale since the first failure.
    static func storeUnavailable(_ reason: String, in state: inout ConsoleState) {
        state.inbox.storeTrouble = (reason, state.inbox.storeTrouble?.since ?? state.now)
    }

    /// A text's journal. Loads run concurrently and can land out of order; a journal only grows (attempts are
    /// appended, an attempt's outcome is written once), so the one that has got further is the newer.
    static func journalLoaded(_ id: String, _ entries: [ReplyJournalEntry], in inbox: inout InboxModel) {
        if let shown = inbox.journals[id], journalProgress(shown) > journalProgress(entries) { return }
        inbox.journals[id] = entries
    }

    /// How far a journal has got: its attempts, then how many of them have an outcome.
    private static func journalProgress(_ entries: [ReplyJournalEntry]) -> (Int, Int) {
        (entries.count, entries.count { $0.outcome != nil })
    }

    /// After the working set was loaded (`joined` nil) or changed: rings for new texts, keeps a visible text
    /// selected, and reloads the selected text's journal when it changed (or on a load).
    private static func loaded(joined: [String]?, changed: Set<String>?, into state: inout ConsoleState)
        -> [ConsoleEffect]
    {
        let firstLoad = !state.inbox.hasLoaded
        state.inbox.hasLoaded = true
        var effects: [ConsoleEffect] = []
        if !firstLoad, state.bell, let joined, !joined.isEmpty {
            // A text that joined the working set open is a new one (a closed one is an older text catching up).
            let joinedSet = Set(joined)
            if state.inbox.transactions.reversed().contains(where: { joinedSet.contains($0.id) }) {
                effects.append(.bell)
            }
        }
        forgetClosed(in: &state.inbox, now: state.now, window: state.window)
        let shown = InboxSnapshot(state)
        if let id = state.inbox.selectedID, shown.selected?.id == id {
            if changed?.contains(id) ?? true { effects.append(.loadJournal(id)) }
        } else if let first = shown.selected {
            state.inbox.selectedID = first.id
            effects.append(.loadJournal(first.id))
        }
        return effects
    }

    /// Drops what the inbox keeps about texts no longer loaded (journals) or long closed (last-minute bells), so a
    /// console left open for weeks does not grow.
    private static func forgetClosed(in inbox: inout InboxModel, now: Date, window: ReplyWindow) {
        let forgetBefore = now.addingTimeInterval(-window.windowSeconds - 60)
        inbox.warnedLastMinute = inbox.warnedLastMinute.filter { $0.value >= forgetBefore }
        if inbox.journals.count > 64 {
            let loaded = Set((inbox.transactions + inbox.closedRecent + inbox.archive.transactions).map(\.id))
            inbox.journals = inbox.journals.filter { loaded.contains($0.key) || $0.key == inbox.selectedID }
        }
    }

    // MARK: - Time

    /// Rings once for each open text reaching its last minute. The texts are ordered by receipt, so only those
    /// received between one window and one window less a minute ago are looked at (a binary search, not a scan).
    static func lastMinuteBells(in inbox: inout InboxModel, now: Date, window: ReplyWindow) -> [ConsoleEffect] {
        let earliest = now.addingTimeInterval(-window.windowSeconds)
        let latest = earliest.addingTimeInterval(60)
        var low = 0
        var high = inbox.transactions.count
        while low < high {
            let middle = (low + high) / 2
            if inbox.transactions[middle].receivedAt <= earliest { low = middle + 1 } else { high = middle }
        }
        var ring = false
        var index = low
        while index < inbox.transactions.count, inbox.transactions[index].receivedAt <= latest {
            let transaction = inbox.transactions[index]
            index += 1
            guard inbox.warnedLastMinute[transaction.id] == nil,
                transaction.status(now: now, window: window).isOpen
            else { continue }
            inbox.warnedLastMinute[transaction.id] = transaction.receivedAt
            ring = true
        }
        return ring ? [.bell] : []
    }
}
