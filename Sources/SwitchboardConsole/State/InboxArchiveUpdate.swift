import Foundation
import SwitchboardEngine

/// The paged lists' older texts: which query is shown, its pages as they arrive, the next page when the selection
/// nears the end of what is loaded, and the count.
enum InboxArchiveUpdate {
    /// Texts a page holds.
    static let pageSize = 100

    /// Asks for the first page and the count when the list shown needs another query (a filter, tagg or search
    /// changed, or the working set moved up); keeps what is loaded when it does not.
    static func refresh(_ state: inout ConsoleState) -> [ConsoleEffect] {
        let query = state.archiveQuery
        guard query != state.archive.query else { return [] }
        state.archive = InboxArchive()
        state.archive.query = query
        guard let query else { return [] }
        state.archive.loading = true
        return [.loadArchivePage(query), .countArchive(query)]
    }

    /// Asks for the next page when the selection is within a page of the end of what is loaded.
    static func loadMoreIfNeeded(selectedIndex: Int, shown: Int, in state: inout ConsoleState) -> [ConsoleEffect] {
        guard let query = state.archive.query, let next = state.archive.next, !state.archive.loading,
            selectedIndex >= shown - pageSize / 2
        else { return [] }
        var page = query
        page.after = next
        state.archive.loading = true
        return [.loadArchivePage(page)]
    }

    /// A page arrived: appended if it answers the query still shown, dropped if not.
    static func pageLoaded(_ query: InboxPageQuery, _ page: InboxPage, in state: inout ConsoleState)
        -> [ConsoleEffect]
    {
        var asked = query
        let after = asked.after
        asked.after = nil
        guard asked == state.archive.query else { return [] }
        // A page that does not continue where the loaded ones end is a leftover: the first page replaces, a later
        // one must start at the current end.
        if after != nil, after != state.archive.next { return [] }
        if after == nil { state.archive.transactions = [] }
        let known = Set(state.archive.transactions.map(\.id))
        state.archive.transactions += page.transactions.filter { !known.contains($0.id) }
        state.archive.next = page.next
        state.archive.loading = false
        return []
    }

    /// The count arrived.
    static func counted(_ query: InboxPageQuery, _ total: Int, in state: inout ConsoleState) {
        guard query == state.archive.query else { return }
        state.archive.total = total
    }

    /// Moves the working set's start up as the clock goes, every ``WorkingSetSpan/step``; a paged list is read
    /// again from the top then, since its older part grew.
    static func followClock(_ state: inout ConsoleState) -> [ConsoleEffect] {
        guard state.followsStore else { return [] }
        let start = WorkingSetSpan.start(now: state.now, window: state.window)
        guard start.timeIntervalSince(state.workingSince) >= WorkingSetSpan.step else { return [] }
        WorkingSetUpdate.moveStart(to: start, in: &state)
        state.archive.query = nil
        return refresh(&state)
    }
}
