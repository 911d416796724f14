import Foundation
import SwitchboardEngine

/// The whole console as a value, made of one model for each part of the screen: the inbox (``InboxModel``, with
/// its search, ``SearchModel``), the reply pane (``ComposeModel``) and the broadcast screen (``BroadcastScreen``,
/// ``BroadcastRun``); here are the facts they share: the clock, the terminal's size and its layout, which pane has
/// the keyboard, the flash line, the status bar's facts and the settings.
/// Only ``ConsoleUpdate/update(_:_:)`` changes it; the views draw it.
package struct ConsoleState: Sendable {
    /// Which pane has the keyboard.
    package enum Mode: Sendable, Hashable {
        case inbox
        case compose
        /// The reply pane's `Ctrl-R` picker, and a picked reply's prompts.
        case cannedPicker
        case cannedPrompt
        case search
        case help
        /// The broadcast screen's steps (`b`): compose, the dry run (with the typed confirmation), sending, results.
        case broadcastCompose
        case broadcastReview
        case broadcastProgress
        case broadcastResults

        /// The broadcast screen's steps, in order.
        package static let broadcastSteps: [Mode] = [
            .broadcastCompose, .broadcastReview, .broadcastProgress, .broadcastResults,
        ]

        /// One of the broadcast screen's steps.
        package var isBroadcast: Bool { Self.broadcastSteps.contains(self) }

        /// The reply pane, or its picker over it.
        package var isReplyPane: Bool { self == .compose || self == .cannedPicker || self == .cannedPrompt }
    }

    // MARK: The parts

    /// The working set, the list shown, the selection, the search.
    package var inbox = InboxModel()
    /// The reply being written.
    package var compose = ComposeModel()
    /// The broadcast being prepared.
    package var broadcast = BroadcastScreen()
    /// The broadcast started from this console, running or over.
    package var broadcastRun: BroadcastRun?

    // MARK: Shared

    package var window: ReplyWindow
    package var now: Date
    /// Seconds east of UTC for the clock and receipt times (the runtime sets the local offset; tests use 0).
    package var timeZoneOffset = 0
    /// Where the screen's parts go at the terminal's size (worked out again on every resize).
    package var geometry: ScreenGeometry
    package var mode: Mode = .inbox
    /// Where the help overlay returns to (its sections follow: the broadcast's keys from the broadcast screen).
    package var helpReturnMode: Mode = .inbox
    /// Inside a bracketed paste (between the terminal's paste markers).
    package var pasting = false
    /// A one-line message under the inbox, and when it stops showing.
    package var flash: (text: String, isError: Bool, until: Date)?
    package var status = ConsoleStatus()
    /// `q` was pressed while a broadcast is sending: a second `q` before this time quits (and stops it).
    package var quitArmedUntil: Date?
    /// The console is leaving: set by the update whenever it asks to quit (the loop only reads it).
    package var quitting = false

    // MARK: Settings

    /// Ring the bell when a text arrives and when one reaches its last minute.
    package var bell = true
    /// The sender and pace broadcasts use; nil when Tagget is not configured (then `b` says what to set).
    package var broadcastSettings: BroadcastSettings?

    package init(window: ReplyWindow, now: Date, width: Int, height: Int) {
        self.window = window
        self.now = now
        geometry = ScreenGeometry(width: width, height: height)
    }

    /// The terminal's size.
    package var width: Int { geometry.width }
    package var height: Int { geometry.height }

    /// The texts the inbox shows: filter, tagg and search applied, deadline first (newest first when paged).
    package var visible: [InboxTransaction] { InboxSnapshot(self).rows }

    /// The selected text, when it is visible (else the first visible one).
    package var selected: InboxTransaction? { InboxSnapshot(self).selected }

    /// A text the console holds (working set or a loaded page), by id.
    package func transaction(id: String) -> InboxTransaction? { inbox.transaction(id: id) }

    /// The text this console is writing a reply to, while its reply pane is open or a reply to it waits out its
    /// send delay.
    package var composingID: String? {
        if mode.isReplyPane, let id = compose.draft?.transactionID { return id }
        return compose.scheduled.keys.min()
    }

    /// Who else is writing a reply to a text now.
    package func composers(of transactionID: String) -> [ComposingMark] {
        inbox.composers(of: transactionID, at: now)
    }
}
