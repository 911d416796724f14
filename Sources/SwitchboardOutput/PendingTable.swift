import Foundation
import SwitchboardEngine
import SwitchboardText

/// The table `switchboard pending` prints: the status says who is sending, or writing a reply in a console, as the
/// console shows it. Columns are measured in terminal columns, so a wide tagg or text keeps the others in place.
package enum PendingTable {
    package static let header = "LEFT    STATUS           TAGG        ID                    MESSAGE"

    /// The header and a line a text, in the order given.
    package static func lines(
        _ rows: [InboxTransaction], composing: [String: [ComposingMark]], now: Date, window: ReplyWindow
    ) -> [String] {
        var lines = [header]
        for row in rows {
            let left = TimeText.countdown(window.timeLeft(receivedAt: row.receivedAt, now: now))
            let status = StatusText.column(
                row, status: row.status(now: now, window: window), composers: composing[row.id] ?? [], width: 16)
            lines.append(
                padded(left, 8) + padded(status, 17) + TextLayout.padLineSafe(row.tagg, to: 11) + " "
                    + TextLayout.padLineSafe(row.id, to: 21) + " "
                    + trimmingTrailingSpaces(TextLayout.padLineSafe(row.message, to: 61)))
        }
        return lines
    }

    /// Left-aligned in `width` terminal columns, cut with `…` if longer, with a space kept after it.
    private static func padded(_ text: String, _ width: Int) -> String {
        TextLayout.pad(text, to: width - 1) + " "
    }

    private static func trimmingTrailingSpaces(_ text: String) -> String {
        var text = Substring(text)
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }
}
