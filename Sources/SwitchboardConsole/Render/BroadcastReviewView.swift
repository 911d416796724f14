import SwitchboardEngine
import SwitchboardText

/// The dry run: who would be texted and who was left out (the first invalid lines, with their line numbers),
/// segments per message and in all, the pace, the body the first recipient would get, and what stops it from
/// being sent. Over 100 recipients, the last row asks for the count to be typed.
enum BroadcastReviewView {
    static func draw(_ state: ConsoleState, layout: BroadcastGeometry, into screen: inout ScreenBuffer) {
        let draft = state.broadcast
        guard let planned = draft.planned else { return }
        let plan = planned.plan
        let count = planned.recipientCount
        let asksCount = plan.canSend && BroadcastConfirmation.needsTypedCount(count)
        let width = layout.width - 4

        let facts = facts(plan, settings: state.broadcastSettings)
        let problems: [(String, StyleRole)] =
            plan.canSend
            ? [("✓ Ready. Nothing has been sent yet.", .counterOK)]
            : plan.problems.map { ("✗ " + TextSanitizer.lineSafe($0), .flashError) }
        var preview: [String] = []
        if let shown = plan.dryRun?.preview {
            for line in shown.body.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
                preview += TextLayout.wrap(TextSanitizer.lineSafe(String(line)), width: width - 2)
            }
        }
        // Fit: the facts and problems stay whole; the invalid lines get a few rows, the preview the rest.
        let fixed = facts.count + 1 + (preview.isEmpty ? 0 : 2) + problems.count + (asksCount ? 2 : 0)
        let spare = max(0, layout.contentRows - fixed)
        let invalid = invalidLines(plan.list, rows: min(spare / 2, max(3, layout.contentRows / 6)), width: width)
        let previewRows = max(1, spare - invalid.count)

        var y = layout.contentTop
        for (index, fact) in facts.enumerated() {
            BroadcastView.row(fact.label, fact.value, y: y, layout: layout, role: fact.role, into: &screen)
            y += 1
            if index == 1 {
                for line in invalid {
                    screen.write("   " + line, x: 0, y: y, role: .stateUnknown)
                    y += 1
                }
            }
        }
        y += 1
        if let shown = plan.dryRun?.preview {
            let segments = shown.segments
            let title =
                "Preview for \(shown.recipient.phone.e164) (line \(shown.recipient.line)) · "
                + "\(BroadcastFormat.count(shown.body.count, "character")) · "
                + "\(BroadcastFormat.count(segments.segmentCount, "segment")) · "
                + BroadcastFormat.name(segments.encoding)
            screen.write(" " + TextLayout.truncate(title, to: layout.width - 2), x: 0, y: y, role: .title)
            y += 1
            for (index, line) in preview.prefix(previewRows).enumerated() {
                let cut = index == previewRows - 1 && preview.count > previewRows
                screen.write("   " + (cut ? "…" : line), x: 0, y: y, role: cut ? .dim : .composeText)
                y += 1
            }
            y += 1
        }
        for (line, role) in problems {
            screen.write(" " + TextLayout.truncate(line, to: layout.width - 2), x: 0, y: y, role: role)
            y += 1
        }
        if asksCount { drawConfirmation(draft.confirmation, count: count, layout: layout, into: &screen) }

        if let notice = draft.notice {
            BroadcastView.notice(notice, error: draft.noticeIsError, layout: layout, into: &screen)
        }
        let hint: String
        if !plan.canSend {
            hint = "Esc edit · ? keys"
        } else if asksCount {
            hint = "Type \(count), then Enter, to send · Backspace delete · Esc edit · ? keys"
        } else {
            hint = "Enter send to \(BroadcastFormat.count(count, "recipient")) · Esc edit · ? keys"
        }
        BroadcastView.hints(hint, layout: layout, into: &screen)
    }

    private typealias Fact = (label: String, value: String, role: StyleRole)

    /// Recipients, who was left out, segments, sender and pace.
    private static func facts(_ plan: BroadcastPlan, settings: BroadcastSettings?) -> [Fact] {
        let list = plan.list
        let source = plan.source == "typed" ? "typed in" : "from " + TextSanitizer.lineSafe(plan.source)
        var facts: [Fact] = [("Recipients", "\(BroadcastFormat.count(list.recipients.count)) · \(source)", .normal)]
        var leftOut: [String] = []
        if list.invalidCount > 0 { leftOut.append("\(BroadcastFormat.count(list.invalidCount)) invalid") }
        if list.duplicateCount > 0 { leftOut.append(BroadcastFormat.count(list.duplicateCount, "duplicate")) }
        facts.append(
            ("Left out", leftOut.isEmpty ? "none" : leftOut.joined(separator: " · "), leftOut.isEmpty ? .dim : .normal)
        )
        if let segments = plan.dryRun?.segments, let minimum = segments.minimum, let maximum = segments.maximum {
            let range = minimum == maximum ? "\(minimum)" : "\(minimum)–\(maximum)"
            facts.append(
                (
                    "Segments",
                    "\(range) per message · \(BroadcastFormat.encodings(segments.encodings)) · "
                        + "\(BroadcastFormat.count(segments.total)) in all",
                    .normal
                ))
        } else {
            facts.append(("Segments", "none to send", .dim))
        }
        var from = TextSanitizer.lineSafe(plan.sender)
        if let settings {
            from += " · \(settings.rate), \(settings.concurrency) at once"
            if let time = BroadcastFormat.estimate(list.recipients.count, rate: settings.rate) {
                from += " · about \(time)"
            }
        }
        facts.append(("From", from, .normal))
        return facts
    }

    /// `line 4: "+1 555" is too short: …` for the first invalid entries, and how many more there are.
    private static func invalidLines(_ list: RecipientList, rows: Int, width: Int) -> [String] {
        guard rows > 0, list.invalidCount > 0 else { return [] }
        let room = list.invalidCount > rows ? rows - 1 : rows
        var lines = list.invalid.prefix(room).map { entry in
            TextLayout.truncate(
                "line \(entry.line): " + TextSanitizer.lineSafe(entry.reason.description), to: width - 1)
        }
        let more = list.invalidCount - lines.count
        if more > 0 { lines.append("… and \(BroadcastFormat.count(more)) more invalid") }
        return lines
    }

    /// ` Send to 1,204 recipients? Type 1204 to confirm: 12▏`
    private static func drawConfirmation(
        _ typed: String, count: Int, layout: BroadcastGeometry, into screen: inout ScreenBuffer
    ) {
        let y = layout.contentBottom
        var x = screen.write(
            " Send to \(BroadcastFormat.count(count, "recipient"))? Type \(count) to confirm: ", x: 0, y: y,
            role: .title)
        x += screen.write(typed, x: x, y: y, role: .composeText)
        screen.write(" ", x: x, y: y, role: .composeCursor)
    }
}
