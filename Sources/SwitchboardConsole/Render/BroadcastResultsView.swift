import SwitchboardEngine
import SwitchboardText

/// The broadcast once it stopped: how it ended, its counts, and the recipients not sent (rejected, failed,
/// unknown) with what happened to each, scrollable; a note that unknown ones may have been texted.
enum BroadcastResultsView {
    static let phoneWidth = 17
    static let stateWidth = 10
    static let lineWidth = 7
    static let triesWidth = 6

    static func draw(_ state: ConsoleState, layout: BroadcastGeometry, into screen: inout ScreenBuffer) {
        guard let run = state.broadcastRun else { return }
        let tally = run.tally
        var y = layout.contentTop
        BroadcastView.row(
            "Campaign", BroadcastProgressView.campaignLine(run, ending: run.endWord), y: y,
            layout: layout, into: &screen)
        y += 1
        BroadcastView.row(
            "Result", resultLine(tally), y: y, layout: layout, role: tally.allSent ? .stateReplied : .normal,
            into: &screen)
        y += 2

        if let notSent = run.notSent {
            drawList(notSent, run: run, layout: layout, into: &screen)
        } else {
            screen.write(" Loading the results…", x: 0, y: y, role: .dim)
        }
        if tally[.unknown] > 0 {
            screen.write(
                " "
                    + TextLayout.truncate(
                        "⚠ \(BroadcastFormat.count(tally[.unknown])) unknown may have been texted: "
                            + "they are never retried automatically.",
                        to: layout.width - 2), x: 0, y: layout.contentBottom, role: .stateUnknown)
        }

        if let notice = run.notice {
            BroadcastView.notice(notice, error: run.noticeIsError, layout: layout, into: &screen)
        }
        let queued = tally[.queued] + tally[.sending]
        let retryHint =
            switch (tally[.failed] > 0, queued > 0) {
            case (true, true): "r retry failed and resume · "
            case (true, false): "r retry failed · "
            case (false, true): "r resume · "
            case (false, false): ""
            }
        BroadcastView.hints(
            retryHint + "n new broadcast · ↑↓ scroll · Esc inbox · ? keys", layout: layout, into: &screen)
    }

    /// `1,200 sent · 3 rejected · 1 failed · 0 unknown · 718 still queued`, or that everyone was sent.
    private static func resultLine(_ tally: CampaignTally) -> String {
        if tally.allSent { return "all \(BroadcastFormat.count(tally.total)) sent" }
        var parts = [RecipientState.sent, .rejected, .failed, .unknown].map {
            "\(BroadcastFormat.count(tally[$0])) \($0.rawValue)"
        }
        let left = tally[.queued] + tally[.sending]
        if left > 0 { parts.append("\(BroadcastFormat.count(left)) still queued") }
        return parts.joined(separator: " · ")
    }

    /// The recipients not sent, from the scroll position, under column titles.
    private static func drawList(
        _ notSent: [CampaignRecipient], run: BroadcastRun, layout: BroadcastGeometry, into screen: inout ScreenBuffer
    ) {
        let titleRow = layout.resultsTop - 1
        guard !notSent.isEmpty else {
            let text = run.tally.allSent ? "Every recipient was sent." : "No recipient was rejected, failed or unknown."
            screen.write(" " + text, x: 0, y: titleRow, role: .dim)
            return
        }
        let detailWidth = layout.width - phoneWidth - stateWidth - lineWidth - triesWidth - 2
        let titles =
            " " + TextLayout.pad("NOT SENT", to: phoneWidth) + TextLayout.pad("STATE", to: stateWidth)
            + TextLayout.pad("LINE", to: lineWidth) + TextLayout.pad("TRIES", to: triesWidth) + "DETAIL"
        screen.write(titles, x: 0, y: titleRow, role: .dim)
        let rows = layout.resultRows
        let first = min(run.resultsScroll, max(0, notSent.count - rows))
        for (offset, recipient) in notSent.dropFirst(first).prefix(rows).enumerated() {
            let y = layout.resultsTop + offset
            var x = screen.write(
                " " + TextLayout.padLineSafe(recipient.phone, to: phoneWidth), x: 0, y: y, role: .normal)
            x += screen.write(
                TextLayout.pad(recipient.state.rawValue, to: stateWidth), x: x, y: y, role: role(recipient.state))
            x += screen.write(TextLayout.pad("\(recipient.line)", to: lineWidth), x: x, y: y, role: .dim)
            x += screen.write(TextLayout.pad("\(recipient.attempts)", to: triesWidth), x: x, y: y, role: .dim)
            screen.write(detail(recipient, width: detailWidth), x: x, y: y, role: .normal)
        }
        let total = max(run.tally[.rejected] + run.tally[.failed] + run.tally[.unknown], notSent.count)
        if total > rows {
            let range = " \(first + 1)–\(min(notSent.count, first + rows)) of \(BroadcastFormat.count(total)) "
            screen.write(range, x: layout.width - CharacterWidth.of(range), y: titleRow, role: .dim)
        }
    }

    /// What happened (Tagget's message, or why there was no answer), else the HTTP status.
    private static func detail(_ recipient: CampaignRecipient, width: Int) -> String {
        let text = recipient.detail ?? recipient.httpStatus.map { "HTTP \($0)" } ?? ""
        return TextLayout.padLineSafe(text, to: width)
    }

    private static func role(_ state: RecipientState) -> StyleRole {
        switch state {
        case .unknown: .stateUnknown
        case .rejected, .failed: .counterOffender
        default: .normal
        }
    }
}
