import SwitchboardEngine
import SwitchboardText

/// The `Ctrl-R` picker, over the reply pane: the filter typed, then the replies that match, numbered 1–9, each with
/// the length the reply would have with it inserted (variables filled in for this text) and a ✗ when it would not
/// fit.
enum CannedPickerView {
    static func draw(_ state: ConsoleState, layout: InboxGeometry, into screen: inout ScreenBuffer) {
        guard let picker = state.compose.picker, let draft = state.compose.draft,
            let transaction = state.transaction(id: draft.transactionID)
        else { return }
        let width = state.width
        let top = layout.paneTop
        let x = screen.write(
            " Canned replies for \(TextSanitizer.lineSafe(transaction.id)) (\(TextSanitizer.lineSafe(transaction.tagg)))"
                + " · filter: ", x: 0, y: top, role: .title)
        FieldView.drawLine(picker.filter, x: x, y: top, width: width - x, into: &screen)

        let choices = CannedPickerUpdate.choices(in: state)
        let rows = max(1, layout.paneHeight - 2)
        if choices.isEmpty {
            screen.write(" No canned reply matches: Backspace to widen the filter.", x: 0, y: top + 1, role: .dim)
        }
        let first = max(0, picker.selection - rows + 1)
        let values = CannedInsertion.values(for: transaction, in: state)
        for (row, index) in choices.indices.dropFirst(first).prefix(rows).enumerated() {
            let reply = choices[index]
            let report = CannedInsertion.length(
                of: reply, in: draft, values: values, longestAnswers: state.compose.longestAnswers)
            drawChoice(
                reply, number: index + 1, report: report, selected: index == picker.selection, y: top + 1 + row,
                width: width, into: &screen)
        }
        let footer = " type to filter · ↑↓ choose · 1-9 pick · Enter insert · Esc back"
        screen.write(TextLayout.truncate(footer, to: width), x: 0, y: top + layout.paneHeight - 1, role: .dim)
    }

    /// `▶ 2 Late order   Sorry, your order {id} is la…   97/100 latin` (`✗ 104/100` when it would not fit).
    private static func drawChoice(
        _ reply: CannedReply, number: Int, report: ReplyLengthReport, selected: Bool, y: Int, width: Int,
        into screen: inout ScreenBuffer
    ) {
        let role: StyleRole = selected ? .inboxSelected : .inboxRow
        screen.fill(x: 0, y: y, count: width, role: role)
        let counter = (report.isWithinLimit ? "  " : "✗ ") + "\(report.used)/\(report.limit) \(report.charset.rawValue)"
        let counterWidth = CharacterWidth.of(counter) + 1
        var x = screen.write((selected ? "▶" : " ") + (number <= 9 ? "\(number) " : "  "), x: 0, y: y, role: role)
        let nameWidth = min(20, max(8, (width - counterWidth - x) / 3))
        x += screen.write(TextLayout.padLineSafe(reply.name, to: nameWidth), x: x, y: y, role: selected ? role : .title)
        x += screen.write(" ", x: x, y: y, role: role)
        let textWidth = max(0, width - counterWidth - x - 1)
        screen.write(
            TextLayout.truncate(TextSanitizer.lineSafe(reply.text), to: textWidth), x: x, y: y,
            role: selected ? role : .dim)
        screen.write(
            counter, x: width - counterWidth, y: y,
            role: selected ? role : (report.isWithinLimit ? .counterOK : .counterOver))
    }
}
