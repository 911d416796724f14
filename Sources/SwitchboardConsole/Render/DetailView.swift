import SwitchboardEngine
import SwitchboardOutput
import SwitchboardText

/// The selected text in full: who, when, the deadline, the whole message wrapped, and the reply journal.
enum DetailView {
    static func draw(
        _ state: ConsoleState, selected: InboxTransaction?, layout: InboxGeometry,
        into screen: inout ScreenBuffer
    ) {
        guard let transaction = selected else { return }
        let offset = state.timeZoneOffset
        let status = transaction.status(now: state.now, window: state.window)
        var lines: [(String, StyleRole)] = []
        var facts =
            "\(TextSanitizer.lineSafe(transaction.tagg)) · \(TextSanitizer.lineSafe(transaction.id)) · received "
            + TimeText.clock(transaction.receivedAt, offset: offset) + " · deadline "
            + TimeText.clock(transaction.deadline(window: state.window), offset: offset) + " · "
            + ConsoleFormat.status(status).0
        if let name = transaction.operatorName { facts += " by \(TextSanitizer.lineSafe(name))" }
        if status == .replying, let claim = transaction.claim {
            facts += " · sent by \(TextSanitizer.lineSafe(claim.operatorName))"
        }
        lines.append((facts, .dim))
        for mark in state.composers(of: transaction.id) {
            lines.append(
                (
                    "✎ \(TextSanitizer.lineSafe(mark.operatorName)) is writing a reply (since "
                        + TimeText.clock(mark.since, offset: offset) + ")", .stateReplying
                ))
        }
        if !transaction.taggKnown {
            lines.append(("⚠ this tagg is not in tagga.taggs: a reply would get code 8 (Unknown tagg)", .flashError))
        }
        if transaction.encoding == .windows1252 {
            lines.append(("⚠ not valid UTF-8: shown as decoded from Windows-1252", .stateUnknown))
        }
        let width = state.width - 2
        for line in TextLayout.wrap(TextSanitizer.lineSafe(transaction.message), width: width) {
            lines.append((line, .normal))
        }
        if let reply = transaction.replyMessage {
            for line in TextLayout.wrap("↳ " + TextSanitizer.lineSafe(reply), width: width) {
                lines.append((line, .stateReplied))
            }
        }
        for entry in state.inbox.journals[transaction.id] ?? [] {
            lines.append((journalLine(entry, offset: offset), journalRole(entry)))
        }
        // The facts line stays; the rest scrolls (J/K) when it does not fit.
        let room = layout.paneHeight - 1
        let body = lines.dropFirst()
        let scroll = min(state.inbox.detailScroll, max(0, body.count - room))
        var shown = [lines[0]] + body.dropFirst(scroll).prefix(room)
        if scroll > 0 { shown[0].0 = "↑\(scroll) · " + shown[0].0 }
        let below = body.count - scroll - room
        if below > 0 { shown[shown.count - 1] = ("↓ \(below + 1) more lines: J scrolls down, K up", .dim) }
        for (index, line) in shown.enumerated() {
            screen.write(" " + TextLayout.truncate(line.0, to: width), x: 0, y: layout.paneTop + index, role: line.1)
        }
    }

    private static func journalLine(_ entry: ReplyJournalEntry, offset: Int) -> String {
        var line =
            "attempt \(entry.id) · \(TextSanitizer.lineSafe(entry.operatorName)) · "
            + TimeText.clock(entry.startedAt, offset: offset) + " · "
        switch entry.outcome {
        case .answered:
            let code = TaggaReturnCode(code: entry.returnCode ?? -1)
            line += "\(code) — \(code.explanation)"
        case .unknown: line += "outcome unknown — \(TextSanitizer.lineSafe(entry.detail ?? ""))"
        case .abandoned: line += "abandoned: its process stopped before the answer was recorded"
        case nil: line += "in flight"
        }
        return line
    }

    private static func journalRole(_ entry: ReplyJournalEntry) -> StyleRole {
        switch entry.outcome {
        case .answered where entry.returnCode == 0: .stateReplied
        case .answered: .flashError
        default: .stateUnknown
        }
    }
}
