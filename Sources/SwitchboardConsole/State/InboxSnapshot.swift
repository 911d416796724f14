import SwitchboardEngine

/// What the inbox shows, computed in a single pass: the only place the filters are applied, with each text's status
/// and time left worked out once. It keeps positions into the state's (shared, not copied) transactions, so a frame
/// over a large inbox allocates one array of integers.
struct InboxSnapshot {
    /// All loaded texts, deadline first (the state's array, shared).
    let all: [InboxTransaction]
    /// Positions in `all` of the texts the inbox shows, in order.
    private(set) var positions: [Int] = []
    private(set) var selectedIndex: Int?
    private(set) var counts = (open: 0, expiring: 0, replied: 0, closed: 0)

    init(_ state: ConsoleState) {
        all = state.transactions
        let needle = state.search.lowercased()
        let now = state.now.timeIntervalSinceReferenceDate
        let windowSeconds = state.window.windowSeconds
        // Read in place through a buffer pointer: array subscripts would copy each text (retaining and releasing
        // its strings) once per text per frame.
        var positions: [Int] = []
        var selectedIndex: Int?
        var counts = (open: 0, expiring: 0, replied: 0, closed: 0)
        positions.reserveCapacity(all.count)
        all.withUnsafeBufferPointer { texts in
            for position in texts.indices {
                let status = texts[position].status(now: state.now, window: state.window)
                let left = texts[position].receivedAt.timeIntervalSinceReferenceDate + windowSeconds - now
                if status.isActive {
                    counts.open += 1
                    if left < 300 { counts.expiring += 1 }
                } else if status == .replied {
                    counts.replied += 1
                } else {
                    counts.closed += 1
                }
                guard state.filter.admits(status, secondsLeft: left) else { continue }
                if let tagg = state.taggFilter, texts[position].tagg.caseInsensitiveCompare(tagg) != .orderedSame {
                    continue
                }
                if !needle.isEmpty, !ConsoleState.matches(texts[position], needle) { continue }
                if texts[position].id == state.selectedID { selectedIndex = positions.count }
                positions.append(position)
            }
        }
        self.positions = positions
        self.selectedIndex = selectedIndex ?? (positions.isEmpty ? nil : 0)
        self.counts = counts
    }

    /// How many texts the inbox shows.
    var count: Int { positions.count }

    /// The `index`-th text shown.
    subscript(index: Int) -> InboxTransaction { all[positions[index]] }

    /// The texts shown, copied out (for key handling, not for every frame).
    var rows: [InboxTransaction] { positions.map { all[$0] } }

    var selected: InboxTransaction? { selectedIndex.map { self[$0] } }
}
