import SwitchboardEngine

/// The `Ctrl-R` picker's part of ``ConsoleUpdate``: type to filter, `↑`/`↓`, `1`–`9` or `Enter` to pick, then each
/// of the reply's prompts (`{?label}`) asked in order, and the reply inserted at the draft's cursor.
enum CannedPickerUpdate {
    /// `Ctrl-R` in the reply pane.
    static func open(in state: inout ConsoleState) {
        guard let draft = state.compose.draft else { return }
        let tagg = state.transaction(id: draft.transactionID)?.tagg ?? ""
        guard !CannedReply.applicable(state.compose.cannedReplies, to: tagg).isEmpty else {
            state.compose.draft?.result = "No canned replies for this tagg: add them to console.canned_replies."
            state.compose.draft?.resultIsError = true
            return
        }
        state.compose.picker = CannedPicker()
        state.mode = .cannedPicker
    }

    /// The choices the picker shows now.
    static func choices(in state: ConsoleState) -> [CannedReply] {
        guard let picker = state.compose.picker, let draft = state.compose.draft else { return [] }
        let tagg = state.transaction(id: draft.transactionID)?.tagg ?? ""
        return picker.choices(state.compose.cannedReplies, tagg: tagg)
    }

    /// A key while the picker is open.
    static func pickerKey(_ key: Key, _ action: ConsoleAction?, in state: inout ConsoleState) -> [ConsoleEffect] {
        guard var picker = state.compose.picker else {
            state.mode = .compose
            return []
        }
        let choices = choices(in: state)
        switch action {
        case .leavePane:
            close(in: &state)
            return []
        case .moveUp: picker.selection = max(0, picker.selection - 1)
        case .moveDown: picker.selection = min(max(0, choices.count - 1), picker.selection + 1)
        case .chooseCanned:
            guard picker.selection < choices.count else { return [] }
            state.compose.picker = picker
            choose(choices[picker.selection], in: &state)
            return []
        case .pickNumbered:
            guard case .character(let digit) = key, let number = digit.wholeNumberValue, number >= 1,
                number <= choices.count
            else { return [] }
            choose(choices[number - 1], in: &state)
            return []
        case .deleteBackward:
            picker.filter.backspace()
            picker.selection = 0
        case .cursorLeft: picker.filter.moveLeft()
        case .cursorRight: picker.filter.moveRight()
        default:
            guard case .character(let character) = key else { return [] }
            picker.filter.type(character)
            picker.selection = 0
        }
        state.compose.picker = picker
        return []
    }

    /// A key while a prompt is asked.
    static func promptKey(_ key: Key, _ action: ConsoleAction?, in state: inout ConsoleState) -> [ConsoleEffect] {
        guard var prompting = state.compose.picker?.prompting else {
            state.mode = state.compose.picker == nil ? .compose : .cannedPicker
            return []
        }
        switch action {
        case .leavePane:
            // Back to the choices; nothing was inserted.
            state.compose.picker?.prompting = nil
            state.mode = .cannedPicker
            return []
        case .nextPrompt:
            let value = prompting.field.text
            prompting.answers[prompting.label] = value
            if value.count > (state.compose.longestAnswers[prompting.label]?.count ?? 0) {
                state.compose.longestAnswers[prompting.label] = value
            }
            if prompting.index + 1 < prompting.reply.template.prompts.count {
                prompting.index += 1
                prompting.field = TextField()
            } else {
                insert(prompting.reply, answers: prompting.answers, in: &state)
                return []
            }
        case .deleteBackward: prompting.field.backspace()
        case .deleteForward: prompting.field.deleteForward()
        case .cursorLeft: prompting.field.moveLeft()
        case .cursorRight: prompting.field.moveRight()
        case .cursorHome: prompting.field.moveHome()
        case .cursorEnd: prompting.field.moveEnd()
        default:
            guard case .character(let character) = key else { return [] }
            prompting.field.type(character)
        }
        state.compose.picker?.prompting = prompting
        return []
    }

    /// A pasted character: into the filter or the prompt's value (a newline is dropped: values are one line).
    static func paste(_ character: Character, in state: inout ConsoleState) {
        guard character != "\n" else { return }
        if state.mode == .cannedPrompt {
            state.compose.picker?.prompting?.field.type(character)
        } else {
            state.compose.picker?.filter.type(character)
            state.compose.picker?.selection = 0
        }
    }

    /// A reply picked: inserted at once, or its prompts asked first.
    private static func choose(_ reply: CannedReply, in state: inout ConsoleState) {
        guard !reply.template.prompts.isEmpty else { return insert(reply, answers: [:], in: &state) }
        state.compose.picker?.prompting = CannedPicker.Prompting(reply: reply)
        state.mode = .cannedPrompt
    }

    private static func insert(_ reply: CannedReply, answers: [String: String], in state: inout ConsoleState) {
        guard let draft = state.compose.draft, let transaction = state.transaction(id: draft.transactionID) else {
            return close(in: &state)
        }
        let values = CannedInsertion.values(for: transaction, in: state)
        var inserted = CannedInsertion.inserting(reply, into: draft, values: values, answers: answers)
        inserted.result = nil
        state.compose.draft = inserted
        close(in: &state)
    }

    private static func close(in state: inout ConsoleState) {
        state.compose.picker = nil
        state.mode = .compose
    }
}
