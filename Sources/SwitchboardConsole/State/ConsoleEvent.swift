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
    /// The whole inbox, given at once (not followed from a store: nothing is paged).
    case inboxLoaded([InboxTransaction])
    /// The working set read from the store to start following it: every text received since `since`.
    case inboxFollowed(InboxRead, since: Date)
    /// Texts that changed in the store since the last read, as they are now.
    case inboxChanged(InboxRead)
    /// A page of older texts for the paged list (its query says which list and where the page starts).
    case archivePageLoaded(InboxPageQuery, InboxPage)
    /// A page of older texts could not be read (the list keeps what it has; scrolling asks again).
    case archivePageFailed(InboxPageQuery, String)
    /// How many stored texts a paged list's query matches.
    case archiveCounted(InboxPageQuery, Int)
    /// A transaction's reply journal.
    case journalLoaded(String, [ReplyJournalEntry])
    /// Who else is writing a reply to what (the other consoles' live soft locks).
    case composingLoaded([ComposingMark])
    /// The inbox could not be read from the store (the console keeps showing what it had and tries again).
    case storeUnavailable(String)
    /// A reply sent from the compose pane came back.
    case replyFinished(String, ReplyReport)
    /// The receiver's and providers' health, for the status bar.
    case statusChanged(ConsoleStatus)
    /// SIGINT, SIGTERM or SIGHUP: leave cleanly.
    case terminate
    /// A recipients file was read for the broadcast screen, or could not be.
    case recipientsFileRead(RecipientsFileLoad)
    /// A broadcast was worked out: the dry run.
    case broadcastPlanned(PlannedBroadcast)
    /// A broadcast's campaign was stored and its run began (again, after "retry failed").
    case broadcastStarted(Campaign)
    /// How the running broadcast is doing (a few times a second).
    case broadcastProgress(BroadcastProgress)
    /// The run stopped: every recipient is final, it was cancelled, or another process took it over.
    case broadcastEnded(campaignID: String, end: BroadcastRunEnd)
    /// A campaign's counts and the recipients not sent (rejected, failed, unknown), for the results.
    case broadcastResults(campaignID: String, tally: CampaignTally, notSent: [CampaignRecipient])
    /// Storing, starting, running or retrying a broadcast failed (with its campaign once there is one).
    case broadcastFailed(campaignID: String?, reason: String)
}

/// What the console asks the engine to do; the results come back as events.
package enum ConsoleEffect: Sendable, Hashable {
    case loadJournal(String)
    /// Read a page of older texts for the paged list; answered by ``ConsoleEvent/archivePageLoaded(_:_:)``.
    case loadArchivePage(InboxPageQuery)
    /// Count the texts a paged list matches; answered by ``ConsoleEvent/archiveCounted(_:_:)``.
    case countArchive(InboxPageQuery)
    /// Tell the other consoles this one is writing a reply to this text (nil: to none).
    case markComposing(String?)
    case sendReply(transactionID: String, message: String, paid: Bool)
    case bell
    case quit
    /// Read a recipients file (the path as typed: `~/` and relative paths allowed).
    case readRecipientsFile(path: String)
    /// Work out a broadcast (the dry run) off the UI thread; answered by ``ConsoleEvent/broadcastPlanned(_:)``.
    case planBroadcast(BroadcastDraft)
    /// Store the planned broadcast and run it (one at a time).
    case startBroadcast(PlannedBroadcast)
    case pauseBroadcast
    case resumeBroadcast
    /// Stop after the sends in flight; the rest stays queued.
    case cancelBroadcast
    /// Queue a campaign's failed recipients again and run it (the queued rest of a cancelled one too).
    case retryFailed(campaignID: String)
    /// Load a campaign's counts and the recipients not sent.
    case loadBroadcastResults(campaignID: String)
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
