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
