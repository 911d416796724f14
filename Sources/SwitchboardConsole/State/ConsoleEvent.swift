import Foundation
import SwitchboardEngine

/// Everything that happens to the console goes through ``ConsoleUpdate/update(_:_:)`` as one of these.
package enum ConsoleEvent: Sendable {
    case key(Key)
    /// Time passed (the backend ticks at least every 100 ms).
    case tick(Date)
    /// The local time zone's offset from UTC changed (daylight saving), in seconds east.
    case timeZoneChanged(Int)
    case resize(width: Int, height: Int)
    /// The inbox as the store has it now.
    case inboxLoaded([InboxTransaction])
    /// A transaction's reply journal.
    case journalLoaded(String, [ReplyJournalEntry])
    /// A reply sent from the compose pane came back.
    case replyFinished(String, ReplyReport)
    /// The receiver's and providers' health, for the status bar.
    case statusChanged(ConsoleStatus)
    /// SIGINT, SIGTERM or SIGHUP: leave cleanly.
    case terminate
}

/// What the console asks the engine to do; the results come back as events.
package enum ConsoleEffect: Sendable, Hashable {
    case loadJournal(String)
    case sendReply(transactionID: String, message: String, paid: Bool)
    case bell
    case quit
}

/// The status bar's facts.
package struct ConsoleStatus: Sendable, Hashable {
    /// Where the in-process receiver listens, or nil when this console has none.
    package var receiverAddress: String?
    package var lastCallbackAt: Date?
    /// The last reply's round trip, and how many replies ended without an answer.
    package var lastProviderLatency: Duration?
    package var providerErrors = 0
    package var operatorName = ""

    package init(
        receiverAddress: String? = nil, lastCallbackAt: Date? = nil, lastProviderLatency: Duration? = nil,
        providerErrors: Int = 0, operatorName: String = ""
    ) {
        self.receiverAddress = receiverAddress
        self.lastCallbackAt = lastCallbackAt
        self.lastProviderLatency = lastProviderLatency
        self.providerErrors = providerErrors
        self.operatorName = operatorName
    }
}
