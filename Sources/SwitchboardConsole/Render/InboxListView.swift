import SwitchboardEngine
import SwitchboardOutput
import SwitchboardText

/// The inbox: one text a row, deadline first, with its live countdown.
enum InboxListView {
    static let countdownWidth = 9
    static let taggWidth = 8
    static let idWidth = 14
    static let statusWidth = 16

    static func draw(
        _ state: ConsoleState, inbox: InboxSnapshot, layout: InboxGeometry, into screen: inout ScreenBuffer
    ) {
        let messageWidth = state.width - countdownWidth - taggWidth - idWidth - statusWidth - 1
        let titles =
            " " + TextLayout.pad("LEFT", to: countdownWidth - 1) + TextLayout.pad("TAGG", to: taggWidth)
            + TextLayout.pad("ID", to: idWidth) + TextLayout.pad("MESSAGE", to: messageWidth) + " "
            + TextLayout.pad("STATUS", to: statusWidth)
        screen.write(titles, x: 0, y: 1, role: .dim)

        guard inbox.count > 0 else {
            let empty =
                if state.inbox.archive.loading {
                    "Reading older texts from the store…"
                } else if state.inbox.transactions.isEmpty, state.inbox.closedRecent.isEmpty,
                    state.inbox.archive.query == nil
                {
                    "No texts yet. New texts appear here as they arrive."
                } else {
                    "No texts match [\(state.inbox.effectiveFilter.rawValue)]. Press f to change the filter, Esc to clear "
                        + "the search."
                }
            screen.write("  " + empty, x: 0, y: layout.listTop + 1, role: .dim)
            return
        }
        let selectedIndex = inbox.selectedIndex ?? 0
        // Keep the selection in view: scroll so it sits inside the window.
        let start = min(max(0, selectedIndex - layout.listHeight + 1), max(0, inbox.count - layout.listHeight))
        for index in start..<min(inbox.count, start + layout.listHeight) {
            let y = layout.listTop + index - start
            drawRow(
                inbox[index], state: state, y: y, selected: index == selectedIndex, messageWidth: messageWidth,
                into: &screen)
        }
        if inbox.count > layout.listHeight || state.inbox.archive.next != nil {
            let more = " \(start + 1)–\(min(inbox.count, start + layout.listHeight)) of \(total(state, inbox)) "
            screen.write(more, x: state.width - CharacterWidth.of(more), y: 1, role: .dim)
        }
    }

    /// How many texts the list holds in all: those loaded, or (paged) the working set's and the store's count of
    /// the older ones; "N+" while the count is not in.
    static func total(_ state: ConsoleState, _ inbox: InboxSnapshot) -> String {
        guard state.inbox.archive.query != nil else { return "\(inbox.count)" }
        guard let older = state.inbox.archive.total else { return "\(inbox.count)+" }
        return "\(max(inbox.count, inbox.workingMatches + older))"
    }

    private static func drawRow(
        _ transaction: InboxTransaction, state: ConsoleState, y: Int, selected: Bool, messageWidth: Int,
        into screen: inout ScreenBuffer
    ) {
        let rowRole: StyleRole = selected ? .inboxSelected : .inboxRow
        screen.fill(x: 0, y: y, count: state.width, role: rowRole)
        let status = transaction.status(now: state.now, window: state.window)
        let left = state.window.timeLeft(receivedAt: transaction.receivedAt, now: state.now)
        var x = screen.write(selected ? "▶" : " ", x: 0, y: y, role: rowRole)
        let (countdown, countdownRole): (String, StyleRole) =
            status.isActive
            ? (TimeText.countdown(left), ConsoleFormat.countdownRole(left))
            : (status == .replied ? "✓" : "—", ConsoleFormat.status(status).1)
        x += screen.write(TextLayout.pad(countdown, to: countdownWidth - 1), x: x, y: y, role: countdownRole)
        let tagg = TextLayout.padLineSafe(transaction.tagg, to: taggWidth)
        x += screen.write(tagg, x: x, y: y, role: selected ? rowRole : .inboxTagg)
        x += screen.write(
            TextLayout.padLineSafe(transaction.id, to: idWidth), x: x, y: y, role: rowRole)
        if let held = state.compose.scheduled[transaction.id] {
            let countdown = TextLayout.pad(held.countdown(at: state.now), to: messageWidth)
            x += screen.write(countdown, x: x, y: y, role: selected ? rowRole : .stateReplying)
        } else {
            let message = TextLayout.padLineSafe(transaction.message, to: messageWidth)
            x += screen.write(message, x: x, y: y, role: rowRole)
        }
        let (word, role) = ConsoleFormat.statusColumn(
            transaction, status: status, composers: state.composers(of: transaction.id), width: statusWidth - 1)
        screen.write(TextLayout.pad(word, to: statusWidth), x: x + 1, y: y, role: selected ? rowRole : role)
    }
}
