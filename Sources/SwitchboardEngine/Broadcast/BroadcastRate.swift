import Foundation

/// How fast a broadcast may send: requests per second, or as fast as the concurrency allows.
package enum BroadcastRate: Sendable, Hashable, CustomStringConvertible {
    case perSecond(Double)
    case unlimited

    /// Parses `10`, `2.5`, `unlimited` (or `0`, the same); nil for anything else (negative, not a number).
    package init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        if trimmed == "unlimited" || trimmed == "none" {
            self = .unlimited
            return
        }
        guard let value = Double(trimmed), value.isFinite, value >= 0 else { return nil }
        self = value == 0 ? .unlimited : .perSecond(value)
    }

    /// The rate as stored: requests per second, 0 for unlimited.
    package var storedValue: Double {
        switch self {
        case .perSecond(let value): value
        case .unlimited: 0
        }
    }

    package init(storedValue: Double) {
        self = storedValue > 0 ? .perSecond(storedValue) : .unlimited
    }

    package var description: String {
        switch self {
        case .perSecond(let value):
            value == value.rounded() ? "\(Int(value))/s" : "\(value)/s"
        case .unlimited: "unlimited"
        }
    }
}
