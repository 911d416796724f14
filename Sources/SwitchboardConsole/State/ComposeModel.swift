import SwitchboardEngine

/// The reply pane: the reply being written (kept while the pane is closed, until it is sent or another text is
/// opened), and what the pane's checks and its `Ctrl-R` picker draw on. Changed through ``ComposeUpdate``.
package struct ComposeModel: Sendable {
    /// The reply being written, to the text it names.
    package var draft: ComposeDraft?
    /// Ready answers from `console.canned_replies`, inserted with `Ctrl-R`.
    package var cannedReplies: [CannedReply] = []
    /// A payment provider is registered (a paid reply needs one).
    package var paymentRegistered = false

    package init() {}
}
