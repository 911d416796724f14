import Foundation
import SwitchboardEngine

/// The reply pane: the reply being written (kept while the pane is closed, until it is sent or another text is
/// opened), its `Ctrl-R` picker, the replies waiting out their send delay, and the settings the pane works by.
/// Changed through ``ComposeUpdate``, ``CannedPickerUpdate`` and ``ScheduledSendUpdate``.
package struct ComposeModel: Sendable {
    /// The reply being written, to the text it names.
    package var draft: ComposeDraft?
    /// The `Ctrl-R` picker, while it is open.
    package var picker: CannedPicker?
    /// Replies sent with `Enter` that wait out `console.send_delay` (`u` takes one back), by text.
    package var scheduled: [String: ScheduledSend] = [:]
    /// The longest value typed for each prompt label, which the picker counts for a reply not answered yet.
    package var longestAnswers: [String: String] = [:]

    // MARK: Settings

    /// Ready answers from `console.canned_replies`, inserted with `Ctrl-R`.
    package var cannedReplies: [CannedReply] = []
    /// A payment provider is registered (a paid reply needs one).
    package var paymentRegistered = false
    /// `console.send_delay`: how long `Enter` waits before the reply goes out.
    package var sendDelay: Duration = .zero
    /// `console.after_send`: where the selection goes once a reply is sent.
    package var afterSend: AfterSend = .next

    package init() {}
}
