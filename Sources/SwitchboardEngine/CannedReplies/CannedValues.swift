import Foundation

/// What a canned reply's variables stand for, for one text and operator.
package struct CannedValues: Sendable, Hashable {
    package var tagg: String
    package var id: String
    package var operatorName: String
    /// Local `HH:MM`.
    package var deadline: String
    /// Whole minutes left (never negative).
    package var minutesLeft: Int

    package init(tagg: String, id: String, operatorName: String, deadline: String, minutesLeft: Int) {
        self.tagg = tagg
        self.id = id
        self.operatorName = operatorName
        self.deadline = deadline
        self.minutesLeft = minutesLeft
    }

    /// The values for a text received at `receivedAt`, at `now`, in the time zone `offset` seconds east of UTC.
    package init(
        tagg: String, id: String, operatorName: String, receivedAt: Date, now: Date, window: ReplyWindow,
        timeZoneOffset offset: Int
    ) {
        let deadline = window.deadline(receivedAt: receivedAt)
        let local = Int((deadline.timeIntervalSince1970 + Double(offset)).rounded(.down))
        let minutesOfDay = ((local / 60) % 1440 + 1440) % 1440
        let hhmm = String(format: "%02d:%02d", minutesOfDay / 60, minutesOfDay % 60)
        let left = max(0, Int(deadline.timeIntervalSince(now) / 60))
        self.init(tagg: tagg, id: id, operatorName: operatorName, deadline: hhmm, minutesLeft: left)
    }

    /// The text a variable stands for.
    package func value(of variable: CannedVariable) -> String {
        switch variable {
        case .tagg: tagg
        case .id: id
        case .operator: operatorName
        case .deadline: deadline
        case .left: String(minutesLeft)
        }
    }
}
