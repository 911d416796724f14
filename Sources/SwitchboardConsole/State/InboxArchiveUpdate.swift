import Foundation
import SwitchboardEngine

/// The paged lists' older texts: which query is shown, its pages as they arrive, the next page when the selection
/// nears the end of what is loaded, and the count.
enum InboxArchiveUpdate {
    /// Texts a page holds.
    static let pageSize = 100

    /// Asks for the first page and the count when the list shown needs another query (a filter, tagg or search
    /// changed, or the working set moved up); keeps what is loaded when it does not.
    static func refresh(_ inbox: inout InboxModel) -> [ConsoleEffect] {
        let query = inbox.archiveQuery
        guard query != inbox.archive.query else { return [] }
        inbox.archive = InboxArchive()
        inbox.archive.query = query
        guard let query else { return [] }
        inbox.archive.loading = true
        return [.loadArchivePage(query), .countArchive(query)]
    }

    /// Asks for the next page when the selection is within a page of the end of what is loaded.
    static func loadMoreIfNeeded(selectedIndex: Int, shown: Int, in inbox: inout InboxModel) -> [ConsoleEffect] {
        guard let query = inbox.archive.query, let next = inbox.archive.next, !inbox.archive.loading,
            selectedIndex >= shown - pageSize / 2
        else { return [] }
        var page = query
        page.after = next
        inbox.archive.loading = true
        return [.loadArchivePage(page)]
    }

    /// A page arrived: appended if it answers the query still shown, dropped if not.
    static func pageLoaded(_ query: InboxPageQuery, _ page: InboxPage, in inbox: inout InboxModel)
        -> [ConsoleEffect]
    {
        var asked = query
        let after = asked.after
        asked.after = nil
        guard asked == inbox.archive.query else { return [] }
        // A page that does not continue where the loaded ones end is a leftover: the first page replaces, a later
        // one must start at the current end.
        if after != nil, after != inbox.archive.next { return [] }
        if after == nil { inbox.archive.transactions = [] }
        let known = Set(inbox.archive.transactions.map(\.id))
        inbox.archive.transactions += page.transactions.filter { !known.contains($0.id) }
        inbox.archive.next = page.next
        inbox.archive.loading = false
        return []
    }

    /// The count arrived.
    static func counted(_ query: InboxPageQuery, _ total: Int, in inbox: inout InboxModel) {
        guard query == inbox.archive.query else { return }
        inbox.archive.total = total
    }

    /// A page could not be read: the list keeps what it has (scrolling asks again). True when the page was for the
    /// list shown.
    static func pageFailed(_ query: InboxPageQuery, in inbox: inout InboxModel) -> Bool {
        var asked = query
        asked.after = nil
        guard asked == inbox.archive.query else { return false }
        inbox.archive.loading = false
        return true
    }

    /// Moves the working set's start up as the clock goes, every ``WorkingSetSpan/step``; a paged list is read
    /// again from the top then, since its older part grew.
    static func followClock(_ inbox: inout InboxModel, now: Date, window: ReplyWindow) -> [ConsoleEffect] {
        guard inbox.followsStore else { return [] }
        let start = WorkingSetSpan.start(now: now, window: window)
        guard start.timeIntervalSince(inbox.workingSince) >= WorkingSetSpan.step else { return [] }
        WorkingSetUpdate.moveStart(to: start, in: &inbox)
        inbox.archive.query = nil
        return refresh(&inbox)
    }
}
