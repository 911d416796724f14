import Foundation
import SwitchboardEngine
import SwitchboardOutput

/// How the console styles times, countdowns and statuses (their words are ``TimeText``'s and ``StatusText``'s).
package enum ConsoleFormat {
    /// The role of a countdown by urgency: > 10 min calm, ≤ 10 soon, ≤ 5 urgent, ≤ 1 critical.
    package static func countdownRole(_ left: Duration) -> StyleRole {
        let seconds = left.timeInterval
        if seconds <= 0 { return .countdownExpired }
        if seconds <= 60 { return .countdownCritical }
        if seconds <= 300 { return .countdownUrgent }
        if seconds <= 600 { return .countdownSoon }
        return .countdownCalm
    }

    /// The status word and its role.
    package static func status(_ status: TransactionStatus) -> (String, StyleRole) {
        (StatusText.word(status), role(status))
    }

    /// The inbox's status column (``StatusText/column(_:status:composers:width:)``) and its role: a pending text
    /// someone is writing to takes the replying role.
    package static func statusColumn(
        _ transaction: InboxTransaction, status: TransactionStatus, composers: [ComposingMark], width: Int
    ) -> (String, StyleRole) {
        let text = StatusText.column(transaction, status: status, composers: composers, width: width)
        return (text, status == .pending && !composers.isEmpty ? .stateReplying : role(status))
    }

    private static func role(_ status: TransactionStatus) -> StyleRole {
        switch status {
        case .pending: .normal
        case .replying: .stateReplying
        case .outcomeUnknown: .stateUnknown
        case .replied: .stateReplied
        case .rejected, .closed: .stateClosed
        case .expired: .countdownExpired
        }
    }
}
