import SwitchboardEngine
import SwitchboardOutput
import SwitchboardText

/// The reply being written: the text with its cursor, the counter (used/limit, charset, the characters that forced
/// "other", where the limit was crossed), the pre-flight, and the last answer.
enum ComposeView {
    static func draw(_ state: ConsoleState, layout: InboxGeometry, into screen: inout ScreenBuffer) {
        guard var draft = state.compose.draft,
            let transaction = state.transaction(id: draft.transactionID)
        else { return }
        // While a picked reply's prompts are asked, the pane shows the reply as it will be, answers so far included.
        let prompting = state.mode == .cannedPrompt ? state.compose.picker?.prompting : nil
        if let prompting {
            let values = CannedInsertion.values(for: transaction, in: state)
            draft = CannedInsertion.inserting(
                prompting.reply, into: draft, values: values, answers: prompting.answersWithTyped)
        }
        let top = layout.paneTop
        let width = state.width - 2
        let left = state.window.timeLeft(receivedAt: transaction.receivedAt, now: state.now)
        var x = screen.write(
            " Reply to \(TextSanitizer.lineSafe(transaction.id)) (\(TextSanitizer.lineSafe(transaction.tagg))) · ",
            x: 0, y: top, role: .title)
        x += screen.write(
            TimeText.countdown(left) + " left", x: x, y: top, role: ConsoleFormat.countdownRole(left))
        x += screen.write(
            " · paid: \(draft.paid ? "ON" : "off") (Ctrl-P)", x: x, y: top, role: draft.paid ? .headerCount : .dim)
        if let other = state.composers(of: transaction.id).first {
            screen.write(
                " · ✎ also " + TextLayout.truncate(TextSanitizer.lineSafe(other.operatorName), to: 16),
                x: x, y: top, role: .stateUnknown)
        }

        let textRows = max(1, layout.paneHeight - 4)
        drawText(draft, width: width, top: top + 1, rows: textRows, into: &screen)
        let report = draft.length
        drawCounter(report, text: draft.text, y: top + 1 + textRows, width: width, into: &screen)
        let footerRow = top + 2 + textRows
        if let prompting {
            drawPrompt(prompting, y: footerRow, width: width, into: &screen)
        } else if let held = state.compose.scheduled[draft.transactionID] {
            screen.write(
                " " + TextLayout.truncate(held.countdown(at: state.now), to: width), x: 0, y: footerRow,
                role: .stateReplying)
        } else if let result = draft.result {
            screen.write(
                " " + TextLayout.truncate(TextSanitizer.lineSafe(result), to: width), x: 0, y: footerRow,
                role: draft.resultIsError ? .flashError : .flashInfo)
        } else if let refusal = ComposePreflight.refusal(for: draft, transaction: transaction, state: state),
            !(refusal == .missingField(.tagg) && draft.text.isEmpty)
        {
            screen.write(
                " ✗ " + TextLayout.truncate(refusal.description, to: width - 2), x: 0, y: footerRow, role: .flashError)
        } else {
            let canned = CannedReply.applicable(state.compose.cannedReplies, to: transaction.tagg).count
            let hint = canned > 0 ? " · Ctrl-R canned (\(canned))" : ""
            let fit = report.charset == .other ? " · Ctrl-F fit" : ""
            let line = " Enter send\(hint)\(fit) · Ctrl-Z undo · Ctrl-P paid · Ctrl-J new line · Esc back"
            screen.write(TextLayout.truncate(line, to: width), x: 0, y: footerRow, role: .dim)
        }
    }

    /// `order number (1 of 2): 123▏ · Enter next · Esc back`.
    private static func drawPrompt(
        _ prompting: CannedPicker.Prompting, y: Int, width: Int, into screen: inout ScreenBuffer
    ) {
        let count = prompting.reply.template.prompts.count
        let label = " \(TextSanitizer.lineSafe(prompting.label)) (\(prompting.index + 1) of \(count)): "
        var x = screen.write(TextLayout.truncate(label, to: width / 2), x: 0, y: y, role: .title)
        x += FieldView.drawLine(prompting.field, x: x, y: y, width: width - 24 - x, into: &screen)
        let last = prompting.index + 1 == count
        screen.write(" · Enter \(last ? "insert" : "next") · Esc back", x: x, y: y, role: .dim)
    }

    /// The text, wrapped, with the cursor cell marked.
    private static func drawText(
        _ draft: ComposeDraft, width: Int, top: Int, rows: Int, into screen: inout ScreenBuffer
    ) {
        // Lay out graphemes one by one so the cursor lands on the right cell; newlines break lines.
        let characters = Array(draft.text)
        let (lines, cursorLine) = EditableTextLayout.rows(
            characters, range: 0..<characters.count, cursor: draft.cursor, width: width)
        let first = max(0, cursorLine - rows + 1)
        for (row, line) in lines.dropFirst(first).prefix(rows).enumerated() {
            var x = 1
            let y = top + row
            screen.write(">", x: 0, y: y, role: .dim)
            for (character, index) in line {
                let role: StyleRole = index == draft.cursor ? .composeCursor : .composeText
                x += screen.write(character, x: x, y: y, role: role)
            }
            if first + row == cursorLine,
                draft.cursor >= draft.text.count || line.isEmpty
                    || !line.contains(where: { $0.1 == draft.cursor })
            {
                screen.write(" ", x: x, y: y, role: .composeCursor)
            }
        }
    }

    /// `42/100 latin`, in the over style past the limit, with what forced "other" and where the limit broke.
    private static func drawCounter(
        _ report: ReplyLengthReport, text: String, y: Int, width: Int, into screen: inout ScreenBuffer
    ) {
        let counter = " \(report.used)/\(report.limit) \(report.charset.rawValue)\(report.paid ? " paid" : "")"
        var x = screen.write(counter, x: 0, y: y, role: report.isWithinLimit ? .counterOK : .counterOver)
        if !report.isWithinLimit, let position = report.firstCharacterOverLimit {
            let characters = Array(text)
            let culprit = position < characters.count ? TextSanitizer.lineSafe(String(characters[position])) : ""
            x += screen.write(
                " · \(report.overBy) over, from character \(position + 1) “\(culprit)”", x: x, y: y,
                role: .counterOver)
        }
        if report.charset == .other, !report.offenders.isEmpty {
            let names = report.offenders.prefix(4).map { offender -> String in
                var name = TextSanitizer.lineSafe(offender.displayName)
                if let replacement = offender.suggestedReplacement {
                    name += " → " + (replacement.isEmpty ? "remove" : "\(TextSanitizer.lineSafe(replacement))")
                }
                return name
            }
            var note = " · other because of: " + names.joined(separator: ", ")
            if report.offenders.count > 4 { note += ", +\(report.offenders.count - 4) more" }
            if let fits = report.lengthIfReplaced { note += " (replaced: \(fits)/\(report.latinLimit))" }
            screen.write(TextLayout.truncate(note, to: width - x), x: x, y: y, role: .counterOffender)
        }
    }
}
