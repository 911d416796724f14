import SwitchboardEngine

/// The reply pane's part of ``ConsoleUpdate``: opening it on the selected text, editing the reply (keys, pastes,
/// `Ctrl-P` paid, `Ctrl-F` make it fit, `Ctrl-Z` undo; the `Ctrl-R` picker is ``CannedPickerUpdate``), the local
/// checks before it is sent, the send delay (``ScheduledSendUpdate``), and the answer coming back (then, with
/// `console.after_send = "next"`, the next text).
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
        if let held = state.compose.scheduled[selected.id] {
            state.compose.draft = held.draft
            state.compose.draft?.sending = true
        } else if state.compose.draft?.transactionID != selected.id {
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

    /// A key in the pane. While the reply waits out its send delay, `u` or `Ctrl-Z` takes it back; while it is in
    /// flight the pane is read-only (`Esc` still leaves it).
    static func key(_ key: Key, _ action: ConsoleAction?, in state: inout ConsoleState) -> [ConsoleEffect] {
        guard let id = state.compose.draft?.transactionID else {
            state.mode = .inbox
            return []
        }
        if action == .leavePane {
            state.mode = .inbox
            return []
        }
        if state.compose.scheduled[id] != nil {
            guard action == .undoSend || action == .undoEdit else { return [] }
            return ScheduledSendUpdate.cancel(id, in: &state)
        }
        guard var draft = state.compose.draft, !draft.sending else { return [] }
        if action == .openCannedPicker {
            CannedPickerUpdate.open(in: &state)
            return []
        }
        defer { state.compose.draft = draft }
        switch action {
        case .send: return send(&draft, in: &state)
        case .fitReply:
            draft.result = draft.fit().summary
            draft.resultIsError = false
            return []
        case .undoEdit:
            draft.result = draft.undo() ? nil : "Nothing to undo."
            draft.resultIsError = false
            return []
        case .insertNewline: draft.insert("\n")
        case .togglePaid: draft.paid.toggle()
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

    /// A paste begins: what it types is undone as one change.
    static func pasteBegan(in compose: inout ComposeModel) {
        compose.draft?.checkpoint()
    }

    /// A pasted character, typed into the reply unless it is in flight (a newline stays a newline: it never sends).
    static func paste(_ character: Character, in compose: inout ComposeModel) {
        guard let draft = compose.draft, !draft.sending, compose.scheduled[draft.transactionID] == nil else { return }
        compose.draft?.insert(character, recording: false)
        compose.draft?.result = nil
    }

    /// `Enter`: sent unless the text is gone or a local check refuses it (the pane says why); with a send delay it
    /// is held back first, so `u` can take it back.
    private static func send(_ draft: inout ComposeDraft, in state: inout ConsoleState) -> [ConsoleEffect] {
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
        draft.resultIsError = false
        if state.compose.sendDelay > .zero,
            ScheduledSendUpdate.schedule(draft, receivedAt: transaction.receivedAt, in: &state)
        {
            draft.sending = true
            draft.result = nil
            return []
        }
        draft.sending = true
        draft.result = "sending…"
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
                if state.mode.isReplyPane { state.mode = .inbox }
            }
        }
        ConsoleUpdate.flash("\(id): \(text)", error: !succeeded, in: &state)
        var effects: [ConsoleEffect] = [.loadJournal(id)]
        if succeeded, state.compose.afterSend == .next, state.mode == .inbox, state.inbox.selectedID == id {
            effects += selectNext(after: id, in: &state)
        }
        return effects
    }

    /// Send and next: the selection moves to the most urgent text shown that is still open, that nobody else is
    /// writing to and that this console holds no reply for.
    private static func selectNext(after id: String, in state: inout ConsoleState) -> [ConsoleEffect] {
        let rows = state.visible
        let candidates = rows.indices.filter { index in
            let row = rows[index]
            return row.id != id && row.status(now: state.now, window: state.window) == .pending
                && state.window.canReply(receivedAt: row.receivedAt, now: state.now)
                && state.composers(of: row.id).isEmpty && state.compose.scheduled[row.id] == nil
        }
        let urgent = candidates.min { rows[$0].receivedAt < rows[$1].receivedAt }
        guard let urgent else { return [] }
        return InboxUpdate.select(rows, urgent, in: &state.inbox)
    }
}
