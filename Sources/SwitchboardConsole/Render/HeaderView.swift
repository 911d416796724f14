import SwitchboardText

/// The top line: counts per state, the filter, the tagg and the search.
enum HeaderView {
    static func draw(_ state: ConsoleState, inbox: InboxSnapshot, into screen: inout ScreenBuffer) {
        screen.fill(x: 0, y: 0, count: state.width, role: .header)
        let counts = inbox.counts
        var x = screen.write(" Switchboard ", x: 0, y: 0, role: .title)
        let parts: [(String, Int)] = [
            ("open", counts.open), ("expiring", counts.expiring), ("replied", counts.replied),
            ("closed", counts.closed),
        ]
        for (index, (label, value)) in parts.enumerated() {
            x += screen.write(" \(value)", x: x, y: 0, role: .headerCount)
            x += screen.write(" \(label)" + (index < parts.count - 1 ? " ·" : ""), x: x, y: 0, role: .header)
        }
        var right = "[\(state.inbox.effectiveFilter.rawValue)]"
        if let tagg = state.inbox.taggFilter { right += " tagg:\(TextSanitizer.lineSafe(tagg))" }
        if state.mode == .search {
            right += " /\(TextSanitizer.lineSafe(state.inbox.search.draft))▏"
        } else if !state.inbox.search.applied.isEmpty {
            right +=
                " /\(TextSanitizer.lineSafe(state.inbox.search.applied)): \(InboxListView.total(state, inbox)) found"
            if state.inbox.followsStore, state.inbox.search.isTooShortForStore {
                right += " (recent; 3+ characters: all)"
            }
        }
        right = TextLayout.truncate(right, to: max(10, state.width - x - 2))
        screen.write(right + " ", x: state.width - CharacterWidth.of(right) - 1, y: 0, role: .header)
    }
}
