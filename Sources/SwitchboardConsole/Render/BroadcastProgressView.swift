import Foundation
import SwitchboardEngine
import SwitchboardOutput
import SwitchboardText

/// The broadcast while it sends: a bar, sent / rejected / failed / unknown / to go, the rate and the time left,
/// whether it is paused or Tagget asked to wait, and the last problem.
enum BroadcastProgressView {
    static func draw(_ state: ConsoleState, layout: BroadcastGeometry, into screen: inout ScreenBuffer) {
        guard let run = state.broadcastRun else { return }
        var y = layout.contentTop
        BroadcastView.row("Campaign", campaignLine(run), y: y, layout: layout, into: &screen)
        y += 2
        drawBar(run.fraction, y: y, layout: layout, into: &screen)
        y += 2
        let tally = run.tally
        BroadcastView.row("Sent", tallyLine(tally), y: y, layout: layout, into: &screen)
        y += 1
        BroadcastView.row("Pace", paceLine(run, now: state.now), y: y, layout: layout, into: &screen)
        y += 1
        let (stateLine, stateRole) = self.stateLine(run, state: state)
        BroadcastView.row("State", stateLine, y: y, layout: layout, role: stateRole, into: &screen)
        y += 1
        if let problem = run.progress?.lastProblem {
            BroadcastView.row(
                "Last problem", TextSanitizer.lineSafe(problem), y: y, layout: layout, role: .stateUnknown,
                into: &screen)
        }

        if run.confirmingCancel {
            let left = tally[.queued] + tally[.sending]
            BroadcastView.notice(
                "Cancel? y cancels, any other key keeps sending. The \(BroadcastFormat.count(left)) not sent stay "
                    + "queued.", error: true, layout: layout, into: &screen)
        } else if let notice = run.notice {
            BroadcastView.notice(notice, error: run.noticeIsError, layout: layout, into: &screen)
        }
        BroadcastView.hints(
            "p \(run.paused ? "resume" : "pause") · c cancel · Esc inbox (it keeps sending) · ? keys", layout: layout,
            into: &screen)
    }

    /// `c-2345abcdef finished · 1,204 recipients · customers.csv · from Tagget`.
    static func campaignLine(_ run: BroadcastRun, ending: String? = nil) -> String {
        let campaign = run.campaign
        let source = campaign.source == "typed" ? "typed in" : TextSanitizer.lineSafe(campaign.source)
        return campaign.id + (ending.map { " " + $0 } ?? "")
            + " · \(BroadcastFormat.count(campaign.recipientCount, "recipient")) · \(source) · "
            + "from \(TextSanitizer.lineSafe(campaign.sender))"
    }

    /// `482 sent · 3 rejected · 1 failed · 0 unknown · 718 to go`.
    static func tallyLine(_ tally: CampaignTally) -> String {
        var parts = [RecipientState.sent, .rejected, .failed, .unknown].map {
            "\(BroadcastFormat.count(tally[$0])) \($0.rawValue)"
        }
        let left = tally[.queued] + tally[.sending]
        if left > 0 { parts.append("\(BroadcastFormat.count(left)) to go") }
        return parts.joined(separator: " · ")
    }

    /// `████████░░░░░░░░  40%`.
    private static func drawBar(_ fraction: Double, y: Int, layout: BroadcastGeometry, into screen: inout ScreenBuffer)
    {
        let width = layout.width - 9
        let share = min(1, max(0, fraction))
        let done = Int((Double(width) * share).rounded(.down))
        screen.fill(x: 1, y: y, count: done, role: .progressDone, with: "█")
        screen.fill(x: 1 + done, y: y, count: width - done, role: .progressTodo, with: "░")
        let percent = "\(Int((share * 100).rounded(.down)))%"
        screen.write(
            String(repeating: " ", count: max(0, 5 - percent.count)) + percent, x: width + 2, y: y, role: .title)
    }

    /// `9.8/s · about 1m 13s left · 49s so far · at most 10/s`.
    private static func paceLine(_ run: BroadcastRun, now: Date) -> String {
        var parts: [String] = []
        if let progress = run.progress {
            parts.append(BroadcastFormat.rate(progress.recentRate))
            if let left = progress.estimatedTimeLeft {
                parts.append("about \(BroadcastFormat.duration(seconds: left.timeInterval)) left")
            } else if run.paused {
                parts.append("paused")
            } else {
                parts.append("time left not known yet")
            }
            parts.append(
                "\(BroadcastFormat.duration(seconds: progress.now.timeIntervalSince(progress.startedAt))) so far")
        } else {
            parts.append("starting…")
        }
        parts.append("at most \(run.campaign.rate), \(run.campaign.concurrency) at once")
        return parts.joined(separator: " · ")
    }

    /// Sending, paused, cancelling, or waiting because Tagget asked to.
    private static func stateLine(_ run: BroadcastRun, state: ConsoleState) -> (String, StyleRole) {
        if run.cancelling { return ("cancelling: the sends in flight finish, the rest stays queued", .stateUnknown) }
        if let until = run.progress?.throttledUntil, until > state.now {
            return (
                "Tagget asked to wait until \(TimeText.clock(until, offset: state.timeZoneOffset)): "
                    + "every sender waits", .stateUnknown
            )
        }
        if run.paused { return ("paused: p resumes (the sends in flight finished)", .stateUnknown) }
        return ("sending", .stateReplying)
    }
}
