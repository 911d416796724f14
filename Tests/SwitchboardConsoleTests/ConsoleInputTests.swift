import Foundation
import Testing

@testable import SwitchboardConsole
@testable import SwitchboardEngine

/// Pastes, Alt chords, detail scrolling, journal loads landing out of order, the clock's offset, and what the state
/// forgets.
@Suite struct ConsoleInputTests {
    static func paste(_ text: String) -> [ConsoleEvent] {
        [.key(.pasteBegin)]
            + text.map { $0 == "\n" ? .key(.enter) : .key(.character($0)) } + [.key(.pasteEnd)]
    }

    @Test func aPastedNewlineIsTextNotSend() {
        var state = ConsoleFixture.state()
        ConsoleFixture.apply([.key(.character("r"))], to: &state)
        let effects = ConsoleFixture.apply(Self.paste("On its way\nq?"), to: &state)
        #expect(effects.isEmpty, "nothing is sent by a paste")
        #expect(state.compose.draft?.text == "On its way\nq?")
        #expect(state.mode == .compose)
        #expect(!state.pasting)
        let sent = ConsoleFixture.apply([.key(.enter)], to: &state)
        #expect(sent == [.sendReply(transactionID: "101", message: "On its way\nq?", paid: false)])
    }

    @Test func aPasteIntoTheInboxRunsNoCommand() {
        var state = ConsoleFixture.state()
        let effects = ConsoleFixture.apply(Self.paste("qGjr\n"), to: &state)
        #expect(effects.isEmpty)
        #expect(!state.quitting, "a pasted q does not quit")
        #expect(state.mode == .inbox, "a pasted r or Enter opens nothing")
        #expect(state.selected?.id == "101", "pasted j/G move nothing")
        #expect(state.flash?.text.contains("Pasted text ignored") == true)
    }

    @Test func aPasteIntoTheSearchKeepsOneLine() {
        var state = ConsoleFixture.state()
        ConsoleFixture.apply([.key(.character("/"))] + Self.paste("card\n"), to: &state)
        #expect(state.mode == .search, "the pasted newline does not apply the search")
        #expect(state.inbox.search.draft == "card")
    }

    @Test func anAltChordIsNotEscapeThenACommand() {
        var state = ConsoleFixture.state()
        ConsoleFixture.apply([.key(.character("r"))] + ConsoleFixture.keys("Hi"), to: &state)
        ConsoleFixture.apply([.key(.alt("r")), .key(.alt("q"))], to: &state)
        #expect(state.mode == .compose, "Alt-r did not leave the reply pane")
        #expect(state.compose.draft?.text == "Hi", "nor type an r")
        ConsoleFixture.apply([.key(.escape), .key(.alt("q"))], to: &state)
        #expect(state.mode == .inbox)
        #expect(!state.quitting, "Alt-q is not q")
    }

    @Test func theDetailPaneScrollsLongJournals() {
        var state = ConsoleFixture.state()
        let entries = (1...20).map { index in
            ReplyJournalEntry(
                id: Int64(index), transactionID: "101", operatorName: "ana", message: "try \(index)", paid: false,
                requestBody: "", startedAt: ConsoleFixture.now, finishedAt: ConsoleFixture.now, outcome: .answered,
                returnCode: 5, responseBody: nil, detail: nil, requestWritten: true)
        }
        ConsoleFixture.apply([.journalLoaded("101", entries)], to: &state)
        let layout = ScreenGeometry(width: 80, height: 24).inbox
        var lines = ConsoleRenderer.render(state).lines
        #expect(lines[layout.paneTop + 2].hasPrefix(" attempt 1 · ana"))
        #expect(lines[layout.paneTop + layout.paneHeight - 1].hasPrefix(" ↓ 15 more lines: J scrolls down, K up"))
        ConsoleFixture.apply(Array(repeating: .key(.character("J")), count: 30), to: &state)
        lines = ConsoleRenderer.render(state).lines
        #expect(lines[layout.paneTop].hasPrefix(" ↑14 · PIZZA · 101"), "scrolled to the end and no further")
        #expect(lines[layout.paneTop + layout.paneHeight - 1].hasPrefix(" attempt 20 · ana"))
        ConsoleFixture.apply([.key(.character("K")), .key(.down)], to: &state)
        #expect(state.inbox.detailScroll == 0, "another text starts at the top")
    }

    @Test func anOlderJournalLoadDoesNotReplaceANewerOne() {
        var state = ConsoleFixture.state()
        let started = ReplyJournalEntry(
            id: 1, transactionID: "101", operatorName: "ana", message: "hi", paid: false, requestBody: "",
            startedAt: ConsoleFixture.now, finishedAt: nil, outcome: nil, returnCode: nil, responseBody: nil,
            detail: nil, requestWritten: false)
        var finished = started
        finished.finishedAt = ConsoleFixture.now
        finished.outcome = .answered
        finished.returnCode = 0
        ConsoleFixture.apply([.journalLoaded("101", [finished]), .journalLoaded("101", [started])], to: &state)
        #expect(state.inbox.journals["101"] == [finished], "the in-flight snapshot arrived late and was dropped")
        ConsoleFixture.apply([.journalLoaded("101", [])], to: &state)
        #expect(state.inbox.journals["101"] == [finished])
    }

    @Test func theClockFollowsATimeZoneChange() {
        var state = ConsoleFixture.state(width: 120, height: 40)
        #expect(ConsoleRenderer.render(state).lines[39].hasSuffix("ana · 08:00:00 "))
        ConsoleFixture.apply([.timeZoneChanged(3600)], to: &state)
        #expect(ConsoleRenderer.render(state).lines[39].hasSuffix("ana · 09:00:00 "))
    }

    @Test func lastMinuteBellsAreForgottenOnceTheTextIsLongClosed() {
        var state = ConsoleFixture.state()
        ConsoleFixture.apply([.tick(ConsoleFixture.now.addingTimeInterval(1))], to: &state)
        #expect(state.inbox.warnedLastMinute.keys.sorted() == ["101"])
        ConsoleFixture.apply(
            [.tick(ConsoleFixture.now.addingTimeInterval(3600)), .inboxLoaded(ConsoleFixture.inbox)], to: &state)
        #expect(state.inbox.warnedLastMinute.isEmpty)
    }

    @Test func theLastMinuteBellFindsEveryTextInTheMinute() {
        var state = ConsoleFixture.state()
        let many = (0..<1000).map { index in
            ConsoleFixture.transaction("m\(index)", "HELP", "x", minutesAgo: Double(index) / 30)
        }
        ConsoleFixture.apply([.inboxLoaded(many)], to: &state)
        // Texts received 29:00 to 30:00 ago are in their last minute: 30 per minute, at 29.0, 29.033 … 29.967.
        let effects = ConsoleFixture.apply([.tick(ConsoleFixture.now.addingTimeInterval(0))], to: &state)
        #expect(effects == [.bell])
        #expect(state.inbox.warnedLastMinute.count == 30)
        #expect(Set(state.inbox.warnedLastMinute.keys) == Set((870..<900).map { "m\($0)" }))
    }
}
