import Foundation
import SwitchboardEngine

/// What the console needs from the engine: the store's roles it reads and marks (the inbox, reply journals, soft
/// locks, and a broadcast's campaign through ``broadcasts``), the reply service, and the receiver's health if one
/// runs in this process.
package struct ConsoleEngine: Sendable {
    package var store: any InboxReader & ReplyJournal & PresenceStore & CampaignStore
    package var replies: ReplyService
    package var window: ReplyWindow
    package var clock: any WallClock
    package var paymentRegistered: Bool
    package var operatorName: String
    /// The in-process receiver's address and last callback time, or nil.
    package var receiverStatus: (@Sendable () -> (address: String, lastCallbackAt: Date?))?
    /// Ready answers for the reply pane.
    package var cannedReplies: [CannedReply] = []
    /// `console.send_delay` and `console.after_send`.
    package var sendDelay: Duration = .zero
    package var afterSend: AfterSend = .next
    /// Broadcasts (`b`); nil when Tagget is not configured.
    package var broadcasts: BroadcastService?
    /// A recipients file the broadcast screen suggests (the demo's sample list).
    package var broadcastSampleFile: String?

    package init(
        store: any InboxReader & ReplyJournal & PresenceStore & CampaignStore, replies: ReplyService,
        window: ReplyWindow, clock: any WallClock,
        paymentRegistered: Bool, operatorName: String,
        receiverStatus: (@Sendable () -> (address: String, lastCallbackAt: Date?))?
    ) {
        self.store = store
        self.replies = replies
        self.window = window
        self.clock = clock
        self.paymentRegistered = paymentRegistered
        self.operatorName = operatorName
        self.receiverStatus = receiverStatus
    }
}
