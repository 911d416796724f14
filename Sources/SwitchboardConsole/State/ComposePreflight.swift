import SwitchboardEngine

/// The local checks of CONTRACTS.md §2 for the reply being typed, shown in the pane before it is sent.
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
            paymentRegistered: state.paymentRegistered, receivedAt: transaction.receivedAt, now: state.now,
            window: state.window)
    }

    /// The first refusal, if any: what stops `Enter` from sending.
    package static func refusal(for draft: ComposeDraft, transaction: InboxTransaction, state: ConsoleState)
        -> PreflightRefusal?
    {
        refusals(for: draft, transaction: transaction, state: state).first
    }
}

/// A reply's outcome in one line for the console.
package enum ReplyOutcomeText {
    package static func describe(_ report: ReplyReport) -> (text: String, succeeded: Bool) {
        switch report {
        case .notFound(let id): return ("no transaction \(id) in the store", false)
        case .refused(let refusal, _): return ("not sent: \(refusal.reason) \(refusal.advice)", false)
        case .storeFailed(let reason, _): return ("the store failed: \(reason)", false)
        case .finished(let resolution, let attempts):
            let succeeded = resolution == .replied || resolution == .repliedConfirmedByDuplicate
            if case .stillPending(let code) = resolution {
                return ("\(code): \(code.explanation) \(code.nextStep)", false)
            }
            if let code = attempts.last?.outcome.returnCode, !succeeded {
                return ("\(resolution.summary) — \(code.explanation)", false)
            }
            return (resolution.summary, succeeded)
        }
    }
}
