import Foundation
import SwitchboardText
import Testing

@testable import SwitchboardConsole
@testable import SwitchboardEngine

/// The inbox, the detail pane and the status bar as literal screen lines.
@Suite struct InboxRenderTests {
    @Test func inboxAt80x24() {
        let lines = ConsoleRenderer.render(ConsoleFixture.state()).lines
        let expected = [
            " Switchboard  4 open · 2 expiring · 1 replied · 1 closed              [pending] ",
            " LEFT    TAGG    ID            MESSAGE                          STATUS          ",
            "▶00:30   PIZZA   101           Where is my order? It's been 45… pending         ",
            " 04:00   HELP    102           HELP my card was charged twice   pending         ",
            " 09:00   INFO    103           Привет! Когда вы открываетесь?   pending         ",
            " 25:00   HELP    104           ␛[2Jhostiletext␍␊                pending         ",
        ]
        #expect(Array(lines.prefix(6)) == expected)
        #expect(lines.count == 24)
        #expect(lines.allSatisfy { CharacterWidth.of($0) == 80 })
        #expect(lines[6...13].allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty })
        #expect(lines[14] == String(repeating: "─", count: 80))
        #expect(lines[15] == TextLayout.pad(" PIZZA · 101 · received 07:30:30 · deadline 08:00:30 · pending", to: 80))
        #expect(lines[16] == TextLayout.pad(" Where is my order? It's been 45 minutes", to: 80))
        #expect(
            lines[23]
                == TextLayout.pad(" ● receiving 127.0.0.1:8080 · last text 12s ago · 2 expire within 5 min", to: 80))
    }

    @Test func countdownsAreColouredByUrgency() {
        let screen = ConsoleRenderer.render(ConsoleFixture.state())
        #expect(screen[1, 2].role == .countdownCritical, "30 s left")
        #expect(screen[1, 3].role == .countdownUrgent, "4 min left")
        #expect(screen[1, 4].role == .countdownSoon, "9 min left")
        #expect(screen[1, 5].role == .countdownCalm, "25 min left")
        #expect(screen[10, 2].role == .inboxSelected)
    }

    @Test func inboxAt120x40ShowsWiderMessagesAndTheClock() {
        let screen = ConsoleRenderer.render(ConsoleFixture.state(width: 120, height: 40))
        let lines = screen.lines
        #expect(lines.count == 40)
        #expect(lines[2].contains("Where is my order? It's been 45 minutes"))
        #expect(lines[39].hasSuffix("? help · ana · 08:00:00 "))
        let layout = ScreenGeometry(width: 120, height: 40).inbox
        #expect(lines[layout.separator] == String(repeating: "─", count: 120))
    }

    @Test func filtersShowRepliedAndClosedTexts() {
        var state = ConsoleFixture.state()
        ConsoleFixture.apply([.key(.character("f")), .key(.character("f"))], to: &state)
        #expect(state.inbox.filter == .replied)
        var lines = ConsoleRenderer.render(state).lines
        #expect(lines[0].contains("[replied]"))
        #expect(lines[2] == "▶✓       INFO    105           Are you open on Sunday?          replied         ")
        ConsoleFixture.apply([.key(.character("f"))], to: &state)
        lines = ConsoleRenderer.render(state).lines
        #expect(lines[2].contains("too late"))
        #expect(lines[2].contains("expired"))
    }

    @Test func theDetailPaneShowsTheReplyAndTheJournal() {
        var state = ConsoleFixture.state()
        ConsoleFixture.apply([.key(.character("f")), .key(.character("f"))], to: &state)
        let entry = ReplyJournalEntry(
            id: 7, transactionID: "105", operatorName: "ana", message: "Yes, 10-4", paid: false,
            requestBody: "", startedAt: ConsoleFixture.now.addingTimeInterval(-600), outcome: .answered,
            returnCode: 0)
        ConsoleFixture.apply([.journalLoaded("105", [entry])], to: &state)
        let lines = ConsoleRenderer.render(state).lines
        #expect(lines[17] == TextLayout.pad(" ↳ Yes, 10-4", to: 80))
        #expect(lines[18].hasPrefix(" attempt 7 · ana · 07:50:00 · 0 Success — Tagga accepted the reply"))
    }

    @Test func followingAStoreShowsTheAgeOfTheNewestText() {
        var state = ConsoleFixture.state()
        state.status = ConsoleStatus(operatorName: "ana")
        let line = ConsoleRenderer.render(state).line(23)
        #expect(line.hasPrefix(" ○ following the store (no receiver here) · last text 5m ago"))
    }

    @Test func tooSmall() {
        let lines = ConsoleRenderer.render(ConsoleFixture.state(width: 60, height: 20)).lines
        #expect(lines[9] == TextLayout.pad("                 Terminal too small: 60×20.", to: 60))
        #expect(lines[10].contains("Switchboard needs at least 80×24."))
    }

    @Test func hostileTextNeverReachesACell() {
        let screen = ConsoleRenderer.render(ConsoleFixture.state())
        for cell in screen.cells {
            for scalar in cell.text.unicodeScalars {
                #expect(scalar.value >= 0x20 && !(0x7F...0x9F).contains(scalar.value))
                #expect(scalar.properties.generalCategory != .format || scalar.value == 0x200D)
            }
        }
    }
}
