import Foundation
import SwitchboardText
import Testing

@testable import SwitchboardConsole
@testable import SwitchboardEngine

/// The broadcast screen (`b`) as literal lines: the dry run, the progress and the results, at 80×24 and 120×40.
@Suite struct BroadcastRenderTests {
    /// A CSV with a name column, an invalid number written with 00, one too short, and a duplicate.
    static let csv =
        "phone,name\n+447700901000,Ana\n0044 7700 901001,Ben\n+447700901002,Chloé\n+44 77,Dan\n+447700901000,Ana again"

    static func dryRun(width: Int = 80, height: Int = 24) -> ConsoleState {
        BroadcastFixture.reviewing(
            recipients: csv, body: "Hi {name}, your table is ready", fileName: "customers.csv", width: width,
            height: height)
    }

    static let statusBar80 = TextLayout.pad(
        " ● receiving 127.0.0.1:8080 · last text 12s ago · 2 expire within 5 min", to: 80)
    static let title80 = TextLayout.pad(
        " Broadcast                                compose › dry run › sending › results", to: 80)
    static let rule80 = String(repeating: "─", count: 80)

    /// The expected screen: the inbox's header, the title and rule, `content` from row 3, and the status bar.
    static func screen80(_ content: [String], notice: String = "", hints: String) -> [String] {
        let header = " Switchboard  4 open · 2 expiring · 1 replied · 1 closed              [pending] "
        var lines = [header, title80, rule80]
        lines += (content + Array(repeating: "", count: 18 - content.count)).map { TextLayout.pad($0, to: 80) }
        lines += [TextLayout.pad(notice, to: 80), TextLayout.pad(hints, to: 80), statusBar80]
        return lines
    }

    @Test func dryRunAt80x24() {
        let state = Self.dryRun()
        #expect(state.mode == .broadcastReview)
        let screen = ConsoleRenderer.render(state)
        let expected = Self.screen80(
            [
                " Recipients    2 · from customers.csv",
                " Left out      2 invalid · 1 duplicate",
                "   line 3: \"0044 7700 901001\" is not an international number: it must start w…",
                "   line 5: \"+44 77\" is too short: it has 4 digits after the +, an internation…",
                " Segments      1 per message · GSM-7 · 2 in all",
                " From          Tagget · 10/s, 4 at once · about 1s",
                "",
                " Preview for +447700901000 (line 2) · 27 characters · 1 segment · GSM-7",
                "   Hi Ana, your table is ready",
                "",
                " ✓ Ready. Nothing has been sent yet.",
            ], hints: " Enter send to 2 recipients · Esc edit · ? keys")
        #expect(screen.lines == expected)
        #expect(screen[1, 5].role == .stateUnknown, "invalid lines stand out")
        #expect(screen[1, 13].role == .counterOK)
    }

    @Test func dryRunOverAHundredAsksForTheCountAt80x24() {
        var state = BroadcastFixture.reviewing(
            recipients: BroadcastFixture.numbers(150), body: "Doors open at 6 tonight — see you there! 🎉")
        ConsoleFixture.apply(ConsoleFixture.keys("15"), to: &state)
        let lines = ConsoleRenderer.render(state).lines
        #expect(lines[3] == TextLayout.pad(" Recipients    150 · typed in", to: 80))
        #expect(lines[5] == TextLayout.pad(" Segments      1 per message · UCS-2 · 150 in all", to: 80))
        #expect(lines[6] == TextLayout.pad(" From          Tagget · 10/s, 4 at once · about 15s", to: 80))
        #expect(lines[9] == TextLayout.pad("   Doors open at 6 tonight — see you there! 🎉", to: 80))
        #expect(lines[20] == TextLayout.pad(" Send to 150 recipients? Type 150 to confirm: 15", to: 80))
        #expect(
            lines[22] == TextLayout.pad(" Type 150, then Enter, to send · Backspace delete · Esc edit · ? keys", to: 80)
        )
    }

    @Test func dryRunWithProblemsAt80x24() {
        let state = BroadcastFixture.reviewing(recipients: "+447700901000\n+447700901001", body: "Hi {name}")
        let lines = ConsoleRenderer.render(state).lines
        #expect(lines[3] == TextLayout.pad(" Recipients    2 · typed in", to: 80))
        #expect(lines[4] == TextLayout.pad(" Left out      none", to: 80))
        #expect(
            lines[11]
                == TextLayout.pad(
                    " ✗ body: The message uses {name}, but the recipients have no columns (a plain …", to: 80))
        #expect(lines[22] == TextLayout.pad(" Esc edit · ? keys", to: 80))
    }

    @Test func dryRunAt120x40() {
        let screen = ConsoleRenderer.render(Self.dryRun(width: 120, height: 40))
        let lines = screen.lines
        #expect(
            lines[1]
                == TextLayout.pad(
                    " Broadcast" + String(repeating: " ", count: 72) + "compose › dry run › sending › results", to: 120)
        )
        #expect(lines[3] == TextLayout.pad(" Recipients    2 · from customers.csv", to: 120))
        #expect(
            lines[5]
                == TextLayout.pad(
                    "   line 3: \"0044 7700 901001\" is not an international number: it must start with + and the "
                        + "country code (write + inst…", to: 120))
        #expect(lines[7] == TextLayout.pad(" Segments      1 per message · GSM-7 · 2 in all", to: 120))
        #expect(
            lines[10]
                == TextLayout.pad(" Preview for +447700901000 (line 2) · 27 characters · 1 segment · GSM-7", to: 120))
        #expect(lines[11] == TextLayout.pad("   Hi Ana, your table is ready", to: 120))
        #expect(lines[13] == TextLayout.pad(" ✓ Ready. Nothing has been sent yet.", to: 120))
        #expect(lines[38] == TextLayout.pad(" Enter send to 2 recipients · Esc edit · ? keys", to: 120))
        #expect(screen[1, 1].role == .title)
        #expect(screen[93, 1].role == .title, "the current step is stressed")
        #expect(screen[85, 1].role == .dim)
        #expect(screen[82, 1].role == .dim)
    }

    @Test func progressAt80x24() {
        let screen = ConsoleRenderer.render(BroadcastFixture.sending())
        let bar = " " + String(repeating: "█", count: 28) + String(repeating: "░", count: 43) + "   40%"
        let expected = Self.screen80(
            [
                " Campaign      c-2345abcdef · 1,204 recipients · customers.csv · from Tagget",
                "",
                bar,
                "",
                " Sent          482 sent · 3 rejected · 1 failed · 0 unknown · 718 to go",
                " Pace          9.8/s · about 1m 14s left · 49s so far · at most 10/s, 4 at once",
                " State         sending",
                " Last problem  +447700901007: rejected: invalid recipient number",
            ], hints: " p pause · c cancel · Esc inbox (it keeps sending) · ? keys")
        #expect(screen.lines == expected)
        #expect(screen[1, 5].role == .progressDone)
        #expect(screen[29, 5].role == .progressTodo)
    }

    @Test func progressPausedThrottledAndCancellingAt80x24() {
        var state = BroadcastFixture.sending()
        ConsoleFixture.apply(
            [
                .broadcastProgress(
                    BroadcastFixture.progress(
                        sent: 600, queued: 604, rate: 0, throttledUntil: BroadcastFixture.now.addingTimeInterval(30)))
            ], to: &state)
        var lines = ConsoleRenderer.render(state).lines
        #expect(lines[5].hasSuffix("   49%  "))
        #expect(
            lines[8]
                == TextLayout.pad(
                    " Pace          0.0/s · time left not known yet · 49s so far · at most 10/s, 4 …", to: 80))
        #expect(lines[8].hasPrefix(" Pace          0.0/s · time left not known yet"))
        #expect(
            lines[9] == TextLayout.pad(" State         Tagget asked to wait until 08:00:30: every sender waits", to: 80)
        )

        ConsoleFixture.apply([.key(.character("p"))], to: &state)
        ConsoleFixture.apply(
            [.broadcastProgress(BroadcastFixture.progress(sent: 600, queued: 604, rate: 0, paused: true))], to: &state)
        lines = ConsoleRenderer.render(state).lines
        #expect(lines[9] == TextLayout.pad(" State         paused: p resumes (the sends in flight finished)", to: 80))
        #expect(lines[22] == TextLayout.pad(" p resume · c cancel · Esc inbox (it keeps sending) · ? keys", to: 80))

        ConsoleFixture.apply([.key(.character("c"))], to: &state)
        lines = ConsoleRenderer.render(state).lines
        #expect(
            lines[21]
                == TextLayout.pad(
                    " Cancel? y cancels, any other key keeps sending. The 604 not sent stay queued.", to: 80))
    }

    @Test func progressAt120x40() {
        let lines = ConsoleRenderer.render(BroadcastFixture.sending(width: 120, height: 40)).lines
        let bar = " " + String(repeating: "█", count: 44) + String(repeating: "░", count: 67) + "   40%"
        #expect(
            lines[3]
                == TextLayout.pad(
                    " Campaign      c-2345abcdef · 1,204 recipients · customers.csv · from Tagget", to: 120))
        #expect(lines[5] == TextLayout.pad(bar, to: 120))
        #expect(
            lines[7]
                == TextLayout.pad(" Sent          482 sent · 3 rejected · 1 failed · 0 unknown · 718 to go", to: 120))
        #expect(
            lines[8]
                == TextLayout.pad(
                    " Pace          9.8/s · about 1m 14s left · 49s so far · at most 10/s, 4 at once", to: 120))
        #expect(lines[38] == TextLayout.pad(" p pause · c cancel · Esc inbox (it keeps sending) · ? keys", to: 120))
        #expect(
            lines[39]
                == TextLayout.pad(" ● receiving 127.0.0.1:8080 · last text 12s ago · 2 expire within 5 min", to: 105)
                + "ana · 08:00:00 ")
    }

    @Test func resultsAt80x24() {
        let screen = ConsoleRenderer.render(BroadcastFixture.finished())
        let expected = Self.screen80(
            [
                " Campaign      c-2345abcdef finished · 1,204 recipients · customers.csv · from…",
                " Result        1,201 sent · 1 rejected · 1 failed · 1 unknown",
                "",
                " NOT SENT         STATE     LINE   TRIES DETAIL",
                " +447700901007    rejected  9      1     Error sending SMS message to recipien…",
                " +447700901040    failed    42     5     HTTP 503; gave up after 5 attempts, n…",
                " +447700901212    unknown   214    1     the connection was lost after the req…",
                "", "", "", "", "", "", "", "", "", "",
                " ⚠ 1 unknown may have been texted: they are never retried automatically.",
            ], hints: " r retry failed · n new broadcast · ↑↓ scroll · Esc inbox · ? keys")
        #expect(screen.lines == expected)
        #expect(screen[18, 7].role == .counterOffender)
        #expect(screen[18, 9].role == .stateUnknown)
    }

    @Test func resultsScrollAt80x24() {
        var state = BroadcastFixture.sending()
        let many = (0..<30).map { BroadcastFixture.recipient($0, .failed, status: 503, detail: "HTTP 503 \($0)") }
        ConsoleFixture.apply(
            [
                .broadcastEnded(campaignID: "c-2345abcdef", end: .cancelled),
                .broadcastResults(
                    campaignID: "c-2345abcdef", tally: CampaignTally(counts: [.sent: 482, .failed: 30, .queued: 692]),
                    notSent: many),
            ], to: &state)
        ConsoleFixture.apply([.key(.character("j")), .key(.pageDown)], to: &state)
        let lines = ConsoleRenderer.render(state).lines
        #expect(lines[3].hasPrefix(" Campaign      c-2345abcdef cancelled · 1,204 recipients"))
        #expect(
            lines[4]
                == TextLayout.pad(
                    " Result        482 sent · 0 rejected · 30 failed · 0 unknown · 692 still queued", to: 80))
        #expect(lines[6] == TextLayout.pad(" NOT SENT         STATE     LINE   TRIES DETAIL", to: 67) + " 14–26 of 30 ")
        #expect(lines[7] == TextLayout.pad(" +447700901013    failed    15     1     HTTP 503 13", to: 80))
        #expect(
            lines[22]
                == TextLayout.pad(
                    " r retry failed and resume · n new broadcast · ↑↓ scroll · Esc inbox · ? keys", to: 80))
    }

    @Test func resultsAt120x40() {
        let lines = ConsoleRenderer.render(BroadcastFixture.finished(width: 120, height: 40)).lines
        #expect(
            lines[3]
                == TextLayout.pad(
                    " Campaign      c-2345abcdef finished · 1,204 recipients · customers.csv · from Tagget", to: 120))
        #expect(lines[6] == TextLayout.pad(" NOT SENT         STATE     LINE   TRIES DETAIL", to: 120))
        #expect(
            lines[7]
                == TextLayout.pad(
                    " +447700901007    rejected  9      1     Error sending SMS message to recipient: invalid recipient number.",
                    to: 120))
        #expect(
            lines[8]
                == TextLayout.pad(
                    " +447700901040    failed    42     5     HTTP 503; gave up after 5 attempts, nothing was sent",
                    to: 120))
        #expect(
            lines[36]
                == TextLayout.pad(" ⚠ 1 unknown may have been texted: they are never retried automatically.", to: 120))
        #expect(
            lines[38] == TextLayout.pad(" r retry failed · n new broadcast · ↑↓ scroll · Esc inbox · ? keys", to: 120))
    }

    @Test func composeAt80x24() {
        var state = BroadcastFixture.state()
        ConsoleFixture.apply([.key(.character("b"))] + ConsoleFixture.keys("+44 7700 900123, 07700"), to: &state)
        ConsoleFixture.apply([.key(.tab)] + ConsoleFixture.keys("Your table is ready"), to: &state)
        let screen = ConsoleRenderer.render(state)
        let expected = Self.screen80(
            [
                " Recipients · a file path, or numbers (one a line, or separated by , or ;)",
                " >+44 7700 900123, 07700", " >", " >",
                "  1 recipient · 1 invalid (line 1: 07700)",
                "",
                "▸Body · {column} is filled in from the CSV's columns",
                " >Your table is ready", " >", " >", " >", " >", " >", " >", " >",
                "  19 characters · GSM-7 · 1 segment per message · × 1 recipient = 1 segment",
                "",
                " Sender >Tagget           1–11 letters, digits and spaces, or a number",
            ], hints: " Enter dry run · Tab field · Ctrl-O read file · Ctrl-J new line · Esc inbox")
        #expect(screen.lines == expected)
        #expect(screen[21, 10].role == .composeCursor, "the cursor is after the body's last character")
        #expect(screen[0, 9].role == .title, "the focused field is marked")
    }

    @Test func composeWithALoadedFileAt120x40() {
        var state = BroadcastFixture.state(width: 120, height: 40)
        ConsoleFixture.apply([.key(.character("b"))] + ConsoleFixture.keys("~/lists/customers.csv"), to: &state)
        var lines = ConsoleRenderer.render(state).lines
        #expect(
            lines[10] == TextLayout.pad("  A file: Ctrl-O reads it, Enter reads it and shows the dry run.", to: 120))
        let effects = ConsoleFixture.apply([.key(.control("o"))], to: &state)
        #expect(effects == [.readRecipientsFile(path: "~/lists/customers.csv")])
        let list = RecipientImport.file(named: "customers.csv", content: Self.csv)
        let file = RecipientsFile(
            path: "~/lists/customers.csv", name: "customers.csv", content: Self.csv, readAsWindows1252: false,
            summary: RecipientSummary(list))
        ConsoleFixture.apply([.recipientsFileRead(.loaded(file))], to: &state)
        lines = ConsoleRenderer.render(state).lines
        #expect(lines[4] == TextLayout.pad(" >~/lists/customers.csv", to: 120))
        #expect(
            lines[10]
                == TextLayout.pad(
                    "  customers.csv: 2 recipients · 2 invalid (line 3: 0044 7700 901001) · 1 duplicate · columns phone, name",
                    to: 120))
    }
}
