import Foundation
import SwitchboardEngine

/// Undo send's part of ``ConsoleUpdate``: `Enter` with a `console.send_delay` keeps the reply here until its time
/// (never later than the deadline less the safety margin), `u` or `Ctrl-Z` takes it back with its draft, and the
/// clock sends it when the time comes. Nothing reaches the engine, so nothing is claimed, before then.
enum ScheduledSendUpdate {
    /// Holds `draft` back for the send delay; false when there is no time for one (it is sent at once).
    static func schedule(_ draft: ComposeDraft, receivedAt: Date, in state: inout ConsoleState) -> Bool {
        let wanted = state.now.addingTimeInterval(state.compose.sendDelay.timeInterval)
        let latest = state.window.deadline(receivedAt: receivedAt).addingTimeInterval(
            -state.window.safetyMargin.timeInterval)
        let sendAt = min(wanted, latest)
        guard sendAt > state.now else { return false }
        var held = draft
        held.sending = false
        held.result = nil
        state.compose.scheduled[draft.transactionID] = ScheduledSend(
            draft: held, sendAt: sendAt, shortened: sendAt < wanted)
        return true
    }

    /// The clock moved: every held reply whose time has come goes to the engine, checked again first (another
    /// console may have answered the text meanwhile).
    static func due(in state: inout ConsoleState) -> [ConsoleEffect] {
        let due = state.compose.scheduled.values.filter { $0.sendAt <= state.now }.sorted { $0.sendAt < $1.sendAt }
        var effects: [ConsoleEffect] = []
        for held in due {
            let id = held.transactionID
            state.compose.scheduled[id] = nil
            guard let transaction = state.transaction(id: id) else { continue }
            if let refusal = ComposePreflight.refusal(for: held.draft, transaction: transaction, state: state) {
                putBack(held, saying: "Not sent: \(refusal.description)", error: true, in: &state)
                continue
            }
            if state.compose.draft?.transactionID == id {
                state.compose.draft?.sending = true
                state.compose.draft?.result = "sending…"
                state.compose.draft?.resultIsError = false
            }
            effects.append(.sendReply(transactionID: id, message: held.draft.text, paid: held.draft.paid))
        }
        return effects
    }

    /// `u` in the inbox: takes back the selected text's held reply, else the one held last.
    static func undoFromInbox(in state: inout ConsoleState) -> [ConsoleEffect] {
        let selected = state.inbox.selectedID.flatMap { state.compose.scheduled[$0] }
        guard let held = selected ?? state.compose.scheduled.values.max(by: { $0.sendAt < $1.sendAt }) else {
            ConsoleUpdate.flash("Nothing to undo: no reply is waiting to be sent.", error: false, in: &state)
            return []
        }
        return cancel(held.transactionID, in: &state)
    }

    /// Takes back the reply held for `id`: nothing is sent, and its draft is back in the reply pane.
    static func cancel(_ id: String, in state: inout ConsoleState) -> [ConsoleEffect] {
        guard let held = state.compose.scheduled.removeValue(forKey: id) else { return [] }
        putBack(held, saying: "Not sent: the draft is back. Enter sends it.", error: false, in: &state)
        state.inbox.selectedID = id
        state.mode = .compose
        return []
    }

    private static func putBack(_ held: ScheduledSend, saying text: String, error: Bool, in state: inout ConsoleState) {
        var draft = held.draft
        draft.sending = false
        draft.result = text
        draft.resultIsError = error
        state.compose.draft = draft
        ConsoleUpdate.flash("\(held.transactionID): \(text)", error: error, in: &state)
    }
}
