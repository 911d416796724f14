import SwitchboardEngine

/// The local checks of docs/provider-contract.md §2 for the reply being typed, shown in the pane before it is sent.
package enum ComposePreflight {
    /// Every refusal that applies now, in the order the engine checks them.
    package static func refusals(for draft: ComposeDraft, transaction: InboxTransaction, state: ConsoleState)
        -> [PreflightRefusal]
    {
        switch transaction.status(now: state.now, window: state.window) {
        case .replied, .rejected, .closed: return [.alreadyReplied]
        case .replying: return [.replyInFlight]
        case .pending, .outcomeUnknown, .expired: break
        }
        return ReplyPreflight.refusals(
            tagg: transaction.tagg, transactionID: transaction.id, message: draft.text, paid: draft.paid,
            paymentRegistered: state.compose.paymentRegistered, receivedAt: transaction.receivedAt, now: state.now,
            window: state.window)
    }

    /// The first refusal, if any: what stops `Enter` from sending.
    package static func refusal(for draft: ComposeDraft, transaction: InboxTransaction, state: ConsoleState)
        -> PreflightRefusal?
    {
        refusals(for: draft, transaction: transaction, state: state).first
    }
}
