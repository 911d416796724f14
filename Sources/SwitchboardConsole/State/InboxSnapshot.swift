import SwitchboardEngine

/// What the inbox shows, computed in a single pass (the only place the filters are applied) (status and time left once per text), so a frame
/// over a large inbox does not filter it once per view.
struct InboxSnapshot {
    var rows: [InboxTransaction] = []
    var selectedIndex: Int?
    var counts = (open: 0, expiring: 0, replied: 0, closed: 0)

    init(_ state: ConsoleState) {
        let needle = state.search.lowercased()
        for transaction in state.transactions {
            let status = transaction.status(now: state.now, window: state.window)
            let left = state.window.timeLeft(receivedAt: transaction.receivedAt, now: state.now).timeInterval
            if status.isActive {
                counts.open += 1
                if left < 300 { counts.expiring += 1 }
            } else if status == .replied {
                counts.replied += 1
            } else {
                counts.closed += 1
            }
            guard state.filter.admits(status, secondsLeft: left) else { continue }
            if let tagg = state.taggFilter, transaction.tagg.caseInsensitiveCompare(tagg) != .orderedSame { continue }
            if !needle.isEmpty, !ConsoleState.matches(transaction, needle) { continue }
            if transaction.id == state.selectedID { selectedIndex = rows.count }
            rows.append(transaction)
        }
        if selectedIndex == nil, !rows.isEmpty { selectedIndex = 0 }
    }

    var selected: InboxTransaction? { selectedIndex.map { rows[$0] } }
}
