import Foundation
import SwitchboardEngine
import SwitchboardText

/// The compose step: the recipients (a file path or numbers) with what they hold, the body with its live counter
/// (characters, encoding, segments per message, segments × recipients), and the sender.
enum BroadcastComposeView {
    static func draw(_ state: ConsoleState, layout: BroadcastGeometry, into screen: inout ScreenBuffer) {
        let draft = state.broadcast
        let rows = layout.fieldRows
        let fieldWidth = layout.width - 3
        var y = layout.contentTop

        label(
            "Recipients", "a file path, or numbers (one a line, or separated by , or ;)",
            focused: draft.field == .recipients, y: y, layout: layout, into: &screen)
        y += 1
        prompts(y: y, rows: rows.recipients, into: &screen)
        FieldView.draw(
            draft.recipients, focused: draft.field == .recipients, x: 2, y: y, width: fieldWidth,
            rows: rows.recipients, into: &screen)
        y += rows.recipients
        let (recipientsLine, recipientsRole) = recipientsSummary(draft, settings: state.broadcastSettings)
        screen.write("  " + TextLayout.truncate(recipientsLine, to: layout.width - 3), x: 0, y: y, role: recipientsRole)
        y += 2

        label(
            "Body", "{column} is filled in from the CSV's columns", focused: draft.field == .body, y: y,
            layout: layout, into: &screen)
        y += 1
        prompts(y: y, rows: rows.body, into: &screen)
        FieldView.draw(
            draft.body, focused: draft.field == .body, x: 2, y: y, width: fieldWidth, rows: rows.body, into: &screen)
        y += rows.body
        let (counter, counterRole) = bodyCounter(draft.body.text, recipients: draft.summary?.recipients)
        screen.write("  " + TextLayout.truncate(counter, to: layout.width - 3), x: 0, y: y, role: counterRole)
        y += 2

        drawSender(draft, y: y, layout: layout, into: &screen)

        if let notice = draft.notice {
            BroadcastView.notice(notice, error: draft.noticeIsError, layout: layout, into: &screen)
        }
        BroadcastView.hints(
            "Enter dry run · Tab field · Ctrl-O read file · Ctrl-J new line · Esc inbox", layout: layout,
            into: &screen)
    }

    /// A field's name (stressed when it has the keyboard) and a dim hint after it.
    private static func label(
        _ name: String, _ hint: String, focused: Bool, y: Int, layout: BroadcastGeometry,
        into screen: inout ScreenBuffer
    ) {
        var x = screen.write(focused ? "▸" : " ", x: 0, y: y, role: .title)
        x += screen.write(name, x: x, y: y, role: focused ? .title : .normal)
        screen.write(" · " + TextLayout.truncate(hint, to: layout.width - x - 4), x: x, y: y, role: .dim)
    }

    /// The `>` in front of each row of a field.
    private static func prompts(y: Int, rows: Int, into screen: inout ScreenBuffer) {
        for row in 0..<rows { screen.write(" >", x: 0, y: y + row, role: .dim) }
    }

    /// What the recipients field holds: the file read (or to read), or the numbers typed.
    static func recipientsSummary(_ draft: BroadcastScreen, settings: BroadcastSettings?) -> (String, StyleRole) {
        if draft.recipientsIsPath {
            let path = BroadcastInput.trimmedPath(draft.recipients.text)
            if draft.loadingPath == path { return ("Reading the file…", .dim) }
            guard let file = draft.currentFile else {
                return ("A file: Ctrl-O reads it, Enter reads it and shows the dry run.", .dim)
            }
            var line = TextSanitizer.lineSafe(file.name) + ": " + describe(file.summary)
            if file.readAsWindows1252 { line += " · not UTF-8, read as Windows-1252" }
            return (line, file.summary.recipients > 0 ? .counterOK : .flashError)
        }
        guard let typed = draft.typed else {
            if let sample = settings?.sampleFile {
                let name = TextSanitizer.lineSafe((sample as NSString).lastPathComponent)
                return ("No recipients yet. Ctrl-O reads a sample list (\(name)).", .dim)
            }
            return ("No recipients yet.", .dim)
        }
        return (describe(typed), typed.invalid > 0 ? .stateUnknown : .counterOK)
    }

    /// `3 recipients · 1 invalid (line 2: …) · 1 duplicate · columns name, phone`.
    private static func describe(_ summary: RecipientSummary) -> String {
        var parts = [BroadcastFormat.count(summary.recipients, "recipient")]
        if summary.invalid > 0 {
            var invalid = "\(BroadcastFormat.count(summary.invalid)) invalid"
            if let first = summary.firstInvalid {
                let raw = first.raw.trimmingCharacters(in: .whitespaces)
                invalid += " (line \(first.line): \(TextSanitizer.lineSafe(raw)))"
            }
            parts.append(invalid)
        }
        if summary.duplicates > 0 { parts.append(BroadcastFormat.count(summary.duplicates, "duplicate")) }
        if !summary.columns.isEmpty {
            parts.append("columns " + summary.columns.map(TextSanitizer.lineSafe).joined(separator: ", "))
        }
        return parts.joined(separator: " · ")
    }

    /// `27 characters · GSM-7 · 1 segment per message · × 2 recipients = 2 segments`, as the carrier would split the
    /// body as typed (with placeholders, the dry run counts each recipient's own text).
    static func bodyCounter(_ body: String, recipients: Int?) -> (String, StyleRole) {
        guard !body.isEmpty else { return ("Empty: write 1 to \(SendBody.maximumLength) characters.", .dim) }
        let characters = body.count
        guard characters <= SendBody.maximumLength else {
            return (
                "\(BroadcastFormat.count(characters, "character")): "
                    + "\(BroadcastFormat.count(characters - SendBody.maximumLength)) over the limit of "
                    + BroadcastFormat.count(SendBody.maximumLength),
                .counterOver
            )
        }
        let report = SegmentCalculator.calculate(body)
        let segments = report.segmentCount
        var line =
            "\(BroadcastFormat.count(characters, "character")) · \(BroadcastFormat.name(report.encoding)) · "
            + "\(BroadcastFormat.count(segments, "segment")) per message"
        if body.contains("{") {
            line += " · placeholders filled in per recipient: the dry run counts each"
        } else if let recipients, recipients > 0 {
            line +=
                " · × \(BroadcastFormat.count(recipients, "recipient")) = "
                + BroadcastFormat.count(segments * recipients, "segment")
        }
        return (line, .counterOK)
    }

    /// ` Sender  >Tagget`, with what is wrong with it when it cannot be used.
    private static func drawSender(
        _ draft: BroadcastScreen, y: Int, layout: BroadcastGeometry, into screen: inout ScreenBuffer
    ) {
        let focused = draft.field == .sender
        var x = screen.write(focused ? "▸" : " ", x: 0, y: y, role: .title)
        x += screen.write("Sender ", x: x, y: y, role: focused ? .title : .normal)
        x += screen.write(">", x: x, y: y, role: .dim)
        let width = 16
        FieldView.draw(draft.sender, focused: focused, x: x, y: y, width: width, rows: 1, into: &screen)
        x += width
        let text = draft.sender.text
        if text.allSatisfy(\.isWhitespace) {
            screen.write(" the configured sender (tagget.sender)", x: x, y: y, role: .dim)
        } else if let problem = senderProblem(text) {
            screen.write(
                " ✗ " + TextLayout.truncate(TextSanitizer.lineSafe(problem), to: layout.width - x - 4), x: x, y: y,
                role: .flashError)
        } else {
            screen.write(" 1–11 letters, digits and spaces, or a number", x: x, y: y, role: .dim)
        }
    }

    /// Why `text` cannot be the sender, or nil.
    private static func senderProblem(_ text: String) -> String? {
        do throws(SenderNameError) {
            _ = try SenderName(validating: text)
            return nil
        } catch {
            return error.description
        }
    }
}
