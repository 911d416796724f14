import SwitchboardEngine

/// The reply pane's part of ``ConsoleUpdate``: opening it on the selected text, editing the reply (keys, pastes,
/// `Ctrl-R` canned replies, `Ctrl-P` paid), the local checks before it is sent, and the answer coming back.
enum ComposeUpdate {
    /// `Enter` or `r` in the inbox: the pane opens on the selected text while it is open, keeping the draft written
    /// to it before, and says who else is writing to it.
    static func open(in state: inout ConsoleState) -> [ConsoleEffect] {
        guard let selected = state.selected else { return [] }
        let status = selected.status(now: state.now, window: state.window)
        guard status.isOpen else {
            ConsoleUpdate.flash("\(selected.id) is \(status.rawValue): nothing to reply to", error: true, in: &state)
            return []
        }
        if state.compose.draft?.transactionID != selected.id {
            state.compose.draft = ComposeDraft(transactionID: selected.id)
        }
        state.compose.draft?.result = nil
        state.mode = .compose
        let others = state.composers(of: selected.id)
        if let first = others.first {
            let who = first.operatorName + (others.count > 1 ? " and \(others.count - 1) more" : "")
            ConsoleUpdate.flash(
                "\(who) is writing a reply to \(selected.id) too: whichever is sent first goes out, the other is "
                    + "refused.", error: false, in: &state)
        }
        return []
    }

    /// A key in the pane. While the reply is in flight the pane is read-only (`Esc` still leaves it).
    static func key(_ key: Key, _ action: ConsoleAction?, in state: inout ConsoleState) -> [ConsoleEffect] {
        guard var draft = state.compose.draft else {
            state.mode = .inbox
            return []
        }
        defer { state.compose.draft = draft }
        if action == .leavePane {
            state.mode = .inbox
            return []
        }
        guard !draft.sending else { return [] }
        switch action {
        case .send: return send(&draft, in: state)
        case .insertNewline: draft.insert("\n")
        case .togglePaid: draft.paid.toggle()
        case .nextCannedReply:
            let tagg = state.transaction(id: draft.transactionID)?.tagg ?? ""
            let choices = CannedReply.applicable(state.compose.cannedReplies, to: tagg)
            guard !choices.isEmpty else {
                draft.result = "No canned replies for this tagg: add them to console.canned_replies."
                draft.resultIsError = true
                return []
            }
            let next = draft.cannedIndex.map { ($0 + 1) % choices.count } ?? 0
            draft.cannedIndex = next
            draft.replaceText(choices[next])
        case .cursorLeft: draft.moveLeft()
        case .cursorRight: draft.moveRight()
        case .cursorHome: draft.moveHome()
        case .cursorEnd: draft.moveEnd()
        case .deleteBackward: draft.backspace()
        case .deleteForward: draft.deleteForward()
        default:
            if case .character(let character) = key { draft.insert(character) }
            if case .tab = key { draft.insert(" ") }
        }
        draft.result = nil
        return []
    }

    /// A pasted character, typed into the reply unless it is in flight (a newline stays a newline: it never sends).
    static func paste(_ character: Character, in compose: inout ComposeModel) {
        guard compose.draft?.sending == false else { return }
        compose.draft?.insert(character)
        compose.draft?.result = nil
    }

    /// `Enter`: sent unless the text is gone or a local check refuses it (the pane says why).
    private static func send(_ draft: inout ComposeDraft, in state: ConsoleState) -> [ConsoleEffect] {
        guard let transaction = state.transaction(id: draft.transactionID) else {
            draft.result = "This text is no longer in the inbox."
            draft.resultIsError = true
            return []
        }
        if let refusal = ComposePreflight.refusal(for: draft, transaction: transaction, state: state) {
            draft.result = refusal.description
            draft.resultIsError = true
            return []
        }
        draft.sending = true
        draft.result = "sending…"
        draft.resultIsError = false
        return [.sendReply(transactionID: draft.transactionID, message: draft.text, paid: draft.paid)]
    }

    /// The reply came back: the pane shows the answer (and closes on success); a line under the inbox says it too.
    static func finished(_ id: String, _ report: ReplyReport, in state: inout ConsoleState) -> [ConsoleEffect] {
        let (text, succeeded) = ReplyOutcomeText.describe(report)
        if state.compose.draft?.transactionID == id {
            state.compose.draft?.sending = false
            state.compose.draft?.result = text
            state.compose.draft?.resultIsError = !succeeded
            if succeeded {
                state.compose.draft = nil
                if state.mode == .compose { state.mode = .inbox }
            }
        }
        ConsoleUpdate.flash("\(id): \(text)", error: !succeeded, in: &state)
        return [.loadJournal(id)]
    }
}
