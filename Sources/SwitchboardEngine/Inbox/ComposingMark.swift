import Foundation

/// An operator writing a reply to a text: a soft lock the other consoles show ("✎ alice"). It prevents nothing (the
/// claim made when a reply is sent does that); it tells the others someone is on it. A console keeps one mark, renews
/// it while its reply pane is open and clears it when the pane closes; a mark not renewed lapses at `until`, so a
/// console that died leaves none behind.
package struct ComposingMark: Sendable, Hashable {
    /// The console that holds it (one mark per console; two consoles may share an operator name).
    package var consoleID: String
    package var transactionID: String
    package var operatorName: String
    /// When this console began writing to this text.
    package var since: Date
    package var until: Date

    package init(consoleID: String, transactionID: String, operatorName: String, since: Date, until: Date) {
        self.consoleID = consoleID
        self.transactionID = transactionID
        self.operatorName = operatorName
        self.since = since
        self.until = until
    }

    /// Whether the mark still holds at `now`.
    package func isLive(at now: Date) -> Bool { until > now }
}
