import Foundation
import SwitchboardEngine

/// How the console writes times, countdowns and statuses.
package enum ConsoleFormat {
    /// `mm:ss` (or `h:mm:ss`) left; never negative.
    package static func countdown(_ left: Duration) -> String {
        let total = max(0, Int(left.timeInterval.rounded(.down)))
        let (hours, minutes, seconds) = (total / 3600, total % 3600 / 60, total % 60)
        return hours > 0
            ? "\(hours):\(two(minutes)):\(two(seconds))" : "\(two(minutes)):\(two(seconds))"
    }

    /// The role of a countdown by urgency: > 10 min calm, ≤ 10 soon, ≤ 5 urgent, ≤ 1 critical.
    package static func countdownRole(_ left: Duration) -> StyleRole {
        let seconds = left.timeInterval
        if seconds <= 0 { return .countdownExpired }
        if seconds <= 60 { return .countdownCritical }
        if seconds <= 300 { return .countdownUrgent }
        if seconds <= 600 { return .countdownSoon }
        return .countdownCalm
    }

    /// The wall-clock time `HH:mm:ss` at a fixed offset from UTC (the console passes the local offset).
    package static func clock(_ date: Date, offset: Int) -> String {
        let seconds = (Int(date.timeIntervalSince1970.rounded(.down)) + offset) % 86_400
        let day = seconds < 0 ? seconds + 86_400 : seconds
        return "\(two(day / 3600)):\(two(day % 3600 / 60)):\(two(day % 60))"
    }

    /// "12s", "4m", "2h" ago.
    package static func age(_ seconds: TimeInterval) -> String {
        let value = max(0, Int(seconds))
        if value < 60 { return "\(value)s" }
        if value < 3600 { return "\(value / 60)m" }
        return "\(value / 3600)h"
    }

    /// The status word and its role.
    package static func status(_ status: TransactionStatus) -> (String, StyleRole) {
        switch status {
        case .pending: ("pending", .normal)
        case .replying: ("replying…", .stateReplying)
        case .outcomeUnknown: ("outcome unknown", .stateUnknown)
        case .replied: ("replied", .stateReplied)
        case .rejected: ("rejected", .stateClosed)
        case .closed: ("closed", .stateClosed)
        case .expired: ("expired", .countdownExpired)
        }
    }

    /// The inbox's status column: the status word with who answered it, is sending, or (for the other consoles) is
    /// writing a reply to it, cut to `width`.
    package static func statusColumn(
        _ transaction: InboxTransaction, status: TransactionStatus, composers: [ComposingMark], width: Int
    ) -> (String, StyleRole) {
        let (word, role) = Self.status(status)
        let name: String?
        switch status {
        case .pending:
            guard let first = composers.first else { return (word, role) }
            let more = composers.count > 1 ? " +\(composers.count - 1)" : ""
            let room = width - 2 - CharacterWidth.of(more)
            return (
                "✎ " + TextLayout.truncate(TextSanitizer.lineSafe(first.operatorName), to: room) + more, .stateReplying
            )
        case .replying: name = transaction.claim?.operatorName
        case .replied: name = transaction.operatorName
        default: name = nil
        }
        guard let name, !name.isEmpty else { return (word, role) }
        let short = status == .replying ? "replying" : word
        let room = width - CharacterWidth.of(short) - 3
        guard room >= 3 else { return (word, role) }
        return (short + " · " + TextLayout.truncate(TextSanitizer.lineSafe(name), to: room), role)
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
