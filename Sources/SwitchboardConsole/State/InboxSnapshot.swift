import Foundation
import SwitchboardEngine

/// What the inbox shows, computed in a single pass: the only place the filters are applied, with each text's status
/// and time left worked out once. It keeps positions into the inbox's (shared, not copied) arrays, so a frame
/// allocates one array of integers.
///
/// The pending and expiring views list the texts stored open, deadline first (only that array is walked). The
/// paged views (replied, closed, all, and any search) list newest first: the working set's matching texts, then
/// the pages of older ones read from the store.
struct InboxSnapshot {
    private let open: [InboxTransaction]
    private let closed: [InboxTransaction]
    private let archive: [InboxTransaction]
    /// Positions of the texts shown, in order: into `open`, then `closed` (offset by open's count), then `archive`.
    private(set) var positions: [Int] = []
    private(set) var selectedIndex: Int?
    private(set) var counts = (open: 0, expiring: 0, replied: 0, closed: 0)
    /// How many of the shown texts come from the working set.
    private(set) var workingMatches = 0

    init(_ state: ConsoleState) {
        self.init(state.inbox, now: state.now, window: state.window)
    }

    init(_ inbox: InboxModel, now date: Date, window: ReplyWindow) {
        open = inbox.transactions
        closed = inbox.closedRecent
        archive = inbox.archive.transactions
        let needle = SearchNeedle(inbox.search.applied)
        let filter = inbox.effectiveFilter
        let paged = inbox.isPaged
        let now = date.timeIntervalSinceReferenceDate
        let windowSeconds = window.windowSeconds
        var positions: [Int] = []
        var selectedIndex: Int?
        var active = 0
        var expiring = 0
        func admits(_ text: InboxTransaction, _ status: TransactionStatus, _ left: Double) -> Bool {
            guard filter.admits(status, secondsLeft: left) else { return false }
            if let tagg = inbox.taggFilter, text.tagg.caseInsensitiveCompare(tagg) != .orderedSame { return false }
            return needle.isEmpty || needle.matches(text)
        }
        // Read in place through buffer pointers: array subscripts would copy each text (retaining and releasing its
        // strings) once per text per frame.
        open.withUnsafeBufferPointer { texts in
            for position in texts.indices {
                let status = texts[position].status(now: date, window: window)
                let left = texts[position].receivedAt.timeIntervalSinceReferenceDate + windowSeconds - now
                if status.isActive {
                    active += 1
                    if left < 300 { expiring += 1 }
                }
                guard !paged, admits(texts[position], status, left) else { continue }
                if texts[position].id == inbox.selectedID { selectedIndex = positions.count }
                positions.append(position)
            }
        }
        if paged {
            // Newest first: walk both arrays from their ends, taking the newer text each time.
            open.withUnsafeBufferPointer { openTexts in
                closed.withUnsafeBufferPointer { closedTexts in
                    var o = openTexts.count - 1
                    var c = closedTexts.count - 1
                    while o >= 0 || c >= 0 {
                        let takeOpen = c < 0 || (o >= 0 && WorkingSetUpdate.precedes(closedTexts[c], openTexts[o]))
                        let text = takeOpen ? openTexts[o] : closedTexts[c]
                        let position = takeOpen ? o : openTexts.count + c
                        if takeOpen { o -= 1 } else { c -= 1 }
                        let status = text.status(now: date, window: window)
                        let left = text.receivedAt.timeIntervalSinceReferenceDate + windowSeconds - now
                        guard admits(text, status, left) else { continue }
                        if text.id == inbox.selectedID { selectedIndex = positions.count }
                        positions.append(position)
                    }
                }
            }
            workingMatches = positions.count
            let base = open.count + closed.count
            for position in archive.indices {
                if archive[position].id == inbox.selectedID { selectedIndex = positions.count }
                positions.append(base + position)
            }
        } else {
            workingMatches = positions.count
        }
        self.positions = positions
        self.selectedIndex = selectedIndex ?? (positions.isEmpty ? nil : 0)
        let replied = inbox.storeCounts[.replied]
        counts = (active, expiring, replied, max(0, inbox.storeCounts.total - replied - active))
    }

    /// How many texts the inbox shows (loaded so far).
    var count: Int { positions.count }

    /// The `index`-th text shown.
    subscript(index: Int) -> InboxTransaction {
        let position = positions[index]
        if position < open.count { return open[position] }
        if position < open.count + closed.count { return closed[position - open.count] }
        return archive[position - open.count - closed.count]
    }

    /// The texts shown, copied out (for key handling, not for every frame).
    var rows: [InboxTransaction] { (0..<count).map { self[$0] } }

    var selected: InboxTransaction? { selectedIndex.map { self[$0] } }
}
