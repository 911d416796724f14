import Foundation
import SwitchboardOutput
import SwitchboardText

/// The bottom line: the receiver, the age of the last text, the provider's health, what expires soon, the clock.
enum StatusBarView {
    static func draw(_ state: ConsoleState, inbox: InboxSnapshot, row: Int, into screen: inout ScreenBuffer) {
        screen.fill(x: 0, y: row, count: state.width, role: .statusBar)
        var x = 0
        if let trouble = state.inbox.storeTrouble {
            // Nothing else on the left matters while the inbox shown may be stale.
            let since = TimeText.age(state.now.timeIntervalSince(trouble.since))
            let text =
                " ✗ store unreachable for \(since) · the inbox may be stale · " + TextSanitizer.lineSafe(trouble.reason)
            x += screen.write(TextLayout.truncate(text, to: state.width - 1), x: x, y: row, role: .statusBad)
        } else if let address = state.status.receiverAddress {
            x += screen.write(" ● receiving \(address)", x: x, y: row, role: .statusGood)
        } else {
            x += screen.write(" ○ following the store (no receiver here)", x: x, y: row, role: .statusBar)
        }
        // The receiver's last callback, or (following a store) the newest text in it.
        if let last = state.status.lastCallbackAt ?? state.inbox.newestReceipt {
            x += screen.write(
                " · last text \(TimeText.age(state.now.timeIntervalSince(last))) ago", x: x, y: row,
                role: .statusBar)
        }
        if let latency = state.status.lastProviderLatency {
            x += screen.write(
                " · Tagga \(Int(latency.timeInterval * 1000)) ms", x: x, y: row, role: .statusBar)
        }
        if state.status.providerErrors > 0 {
            x += screen.write(" · \(state.status.providerErrors) unanswered", x: x, y: row, role: .statusBad)
        }
        let expiring = inbox.counts.expiring
        if expiring > 0 {
            x += screen.write(" · \(expiring) expire within 5 min", x: x, y: row, role: .statusBad)
        }
        var right = TimeText.clock(state.now, offset: state.timeZoneOffset) + " "
        if !state.status.operatorName.isEmpty {
            right = TextSanitizer.lineSafe(state.status.operatorName) + " · " + right
        }
        if state.mode == .search { right = "type to search · Enter apply · Esc cancel · " + right }
        if state.mode == .inbox { right = "? help · " + right }
        let rightX = state.width - CharacterWidth.of(right)
        if rightX > x { screen.write(right, x: rightX, y: row, role: .statusBar) }
    }
}
