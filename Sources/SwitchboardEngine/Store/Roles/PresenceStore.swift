import Foundation

/// Soft locks: who is writing a reply to what, one mark per console, lapsing unless renewed.
package protocol PresenceStore: Sendable {
    /// Records that console `consoleID` (operator `operatorName`) is writing a reply to `transactionID`, until
    /// `now + ttl` unless marked again; `transactionID` nil clears the console's mark. One mark per console: a new one
    /// replaces the old. Publishes an update of both texts, so other consoles redraw them.
    func markComposing(consoleID: String, transactionID: String?, operatorName: String, now: Date, ttl: Duration)
        async throws

    /// The marks still live at `now`, oldest first.
    func composingMarks(now: Date) async throws -> [ComposingMark]
}
