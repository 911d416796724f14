import SwitchboardEngine

/// Which texts the inbox lists; `f` cycles through them in this order.
package enum InboxFilter: String, Sendable, Hashable, CaseIterable {
    /// Open texts: pending, outcome unknown, or being replied to.
    case pending
    /// Open texts with less than 5 minutes left.
    case expiring
    case replied
    /// Expired, rejected or closed.
    case closed
    case all

    /// The next filter in the cycle.
    package var next: InboxFilter {
        let all = Self.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }

    /// Whether a text with this status and time left belongs.
    package func admits(_ status: TransactionStatus, secondsLeft: Double) -> Bool {
        switch self {
        case .pending: status.isActive
        case .expiring: status.isActive && secondsLeft < 300
        case .replied: status == .replied
        case .closed: status == .expired || status == .rejected || status == .closed
        case .all: true
        }
    }
}

extension TransactionStatus {
    /// Still waiting for its answer: open, or a reply in flight.
    var isActive: Bool { isOpen || self == .replying }
}
