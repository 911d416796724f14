/// A variable a canned reply can use: filled in from the text being answered and the operator.
package enum CannedVariable: String, Sendable, Hashable, CaseIterable {
    /// The text's tagg.
    case tagg
    /// The transaction id.
    case id
    /// The operator's name (`console.operator`).
    case `operator`
    /// The reply deadline, local `HH:MM`.
    case deadline
    /// Whole minutes left before the deadline.
    case left

    /// Every variable as it is written, for messages: `{tagg}, {id}, …`.
    package static var written: String { allCases.map { "{\($0.rawValue)}" }.joined(separator: ", ") }
}
