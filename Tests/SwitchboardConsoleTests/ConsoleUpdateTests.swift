import Foundation
import SwitchboardText
import Testing

@testable import SwitchboardConsole
@testable import SwitchboardEngine

/// Keys, ticks and engine events through `update`.
@Suite struct ConsoleUpdateTests {
    @Test func movingTheSelectionLoadsTheJournal() {
        var state = ConsoleFixture.state()
        #expect(state.selected?.id == "101")
        let effects = ConsoleFixture.apply([.key(.character("j")), .key(.down)], to: &state)
        #expect(state.selected?.id == "103")
        #expect(effects == [.loadJournal("102"), .loadJournal("103")])
        ConsoleFixture.apply([.key(.character("k")), .key(.up), .key(.up)], to: &state)
        #expect(state.selected?.id == "101", "stops at the top")
        ConsoleFixture.apply([.key(.character("G"))], to: &state)
        #expect(state.selected?.id == "104")
    }

    @Test func ticksMoveCountdownsAndExpiryDropsTheText() {
        var state = ConsoleFixture.state()
        let before = ConsoleRenderer.render(state).line(2)
        #expect(before.hasPrefix("▶00:30"))
        ConsoleFixture.apply([.tick(ConsoleFixture.now.addingTimeInterval(20))], to: &state)
        #expect(ConsoleRenderer.render(state).line(2).hasPrefix("▶00:10"))
        ConsoleFixture.apply([.tick(ConsoleFixture.now.addingTimeInterval(31))], to: &state)
        #expect(!state.visible.contains { $0.id == "101" }, "expired texts leave the pending list")
        #expect(state.selected?.id == "102")
    }

    @Test func theLastMinuteRingsTheBellOnce() {
        var state = ConsoleFixture.state()
        let first = ConsoleFixture.apply([.tick(ConsoleFixture.now.addingTimeInterval(1))], to: &state)
        let second = ConsoleFixture.apply([.tick(ConsoleFixture.now.addingTimeInterval(2))], to: &state)
        #expect(first == [.bell])
        #expect(second == [])
    }

    @Test func aNewTextRingsTheBell() {
        var state = ConsoleFixture.state()
        let arrived = ConsoleFixture.inbox + [ConsoleFixture.transaction("107", "HELP", "new", minutesAgo: 0)]
        let effects = ConsoleFixture.apply([.inboxLoaded(arrived)], to: &state)
        #expect(effects.contains(.bell))
        #expect(state.inbox.transactions.count + state.inbox.closedRecent.count == 7)
    }

    @Test func typingAndSendingAReply() {
        var state = ConsoleFixture.state()
        ConsoleFixture.apply([.key(.character("r"))], to: &state)
        #expect(state.mode == .compose)
        ConsoleFixture.apply(ConsoleFixture.keys("Hi q?"), to: &state)
        #expect(state.compose.draft?.text == "Hi q?", "q and ? are text in the reply pane")
        ConsoleFixture.apply([.key(.backspace), .key(.newline), .key(.character("x"))], to: &state)
        #expect(state.compose.draft?.text == "Hi q\nx")
        ConsoleFixture.apply([.key(.control("p"))], to: &state)
        #expect(state.compose.draft?.paid == true)
        let refused = ConsoleFixture.apply([.key(.enter)], to: &state)
        #expect(refused.isEmpty, "paid without a registered payment is refused before sending")
        #expect(state.compose.draft?.result?.contains("Code 18 equivalent") == true)
        ConsoleFixture.apply([.key(.control("p"))], to: &state)
        let sent = ConsoleFixture.apply([.key(.enter)], to: &state)
        #expect(sent == [.sendReply(transactionID: "101", message: "Hi q\nx", paid: false)])
        #expect(state.compose.draft?.sending == true)
        #expect(ConsoleFixture.apply([.key(.enter)], to: &state).isEmpty, "no second send while one is in flight")
    }

    @Test func aReplyResultUpdatesThePaneAndTheRow() {
        var state = ConsoleFixture.state()
        ConsoleFixture.apply([.key(.enter)] + ConsoleFixture.keys("ok") + [.key(.enter)], to: &state)
        let attempt = TaggaReplyAttempt(
            number: 1, startedAt: ConsoleFixture.now, finishedAt: ConsoleFixture.now, redactedRequestBody: "",
            outcome: .answered(TaggaResponse(transactionID: "101", returnCode: .success, message: nil), rawBody: ""))
        let effects = ConsoleFixture.apply(
            [.replyFinished("101", .finished(.replied, attempts: [attempt]))], to: &state)
        #expect(
            effects == [.loadJournal("101"), .loadJournal("102"), .markComposing(nil)],
            "the pane closed (the soft lock goes) and the next text is selected")
        #expect(state.mode == .inbox)
        #expect(state.compose.draft == nil)
        #expect(state.flash?.text == "101: replied")
        var replied = ConsoleFixture.inbox
        replied[0].state = .replied
        ConsoleFixture.apply([.inboxLoaded(replied)], to: &state)
        #expect(!state.visible.contains { $0.id == "101" })
    }

    @Test func aFailedReplyKeepsThePaneOpenWithTheExplanation() {
        var state = ConsoleFixture.state()
        ConsoleFixture.apply([.key(.enter)] + ConsoleFixture.keys("ok") + [.key(.enter)], to: &state)
        let attempt = TaggaReplyAttempt(
            number: 1, startedAt: ConsoleFixture.now, finishedAt: ConsoleFixture.now, redactedRequestBody: "",
            outcome: .answered(
                TaggaResponse(transactionID: "101", returnCode: .authenticationFailed, message: nil), rawBody: ""))
        ConsoleFixture.apply(
            [.replyFinished("101", .finished(.stillPending(.authenticationFailed), attempts: [attempt]))], to: &state)
        #expect(state.mode == .compose)
        #expect(state.compose.draft?.resultIsError == true)
        #expect(
            state.compose.draft?.result?.hasPrefix("2 Authentication Failed: Tagga refused the apikey/passkey pair.")
                == true)
        #expect(state.compose.draft?.text == "ok", "the draft is kept")
    }

    @Test func searchFiltersByTextIdAndTagg() {
        var state = ConsoleFixture.state()
        ConsoleFixture.apply([.key(.character("/"))] + ConsoleFixture.keys("card") + [.key(.enter)], to: &state)
        #expect(state.visible.map(\.id) == ["102"])
        ConsoleFixture.apply([.key(.escape)], to: &state)
        #expect(state.visible.count == 4)
        ConsoleFixture.apply([.key(.character("t"))], to: &state)
        #expect(state.inbox.taggFilter == "HELP")
        #expect(state.visible.map(\.id) == ["102", "104"])
    }

    @Test func graphemesAreEditedWhole() {
        var draft = ComposeDraft(transactionID: "1")
        for character in "a🇮🇪👨‍👩‍👧é" { draft.insert(character) }
        #expect(draft.text.count == 4)
        draft.backspace()
        draft.moveLeft()
        draft.backspace()
        #expect(draft.text == "a👨‍👩‍👧")
        #expect(draft.cursor == 1)
    }

    @Test func aTooSmallWindowIgnoresEveryKeyButQ() {
        var state = ConsoleFixture.state()
        ConsoleFixture.apply([.key(.enter), .resize(width: 60, height: 20)], to: &state)
        #expect(state.mode == .compose)
        #expect(ConsoleFixture.apply([.key(.character("x")), .key(.enter)], to: &state).isEmpty)
        #expect(state.compose.draft?.text == "", "nothing typed or sent unseen")
        #expect(ConsoleFixture.apply([.key(.character("q"))], to: &state).isEmpty, "q is text in the reply pane")
        ConsoleFixture.apply(
            [.resize(width: 80, height: 24), .key(.escape), .resize(width: 60, height: 20)], to: &state)
        #expect(ConsoleFixture.apply([.key(.character("q"))], to: &state) == [.quit])
    }

    @Test func theFirstTextIntoAnEmptyInboxRings() {
        TerminalLocale.activate()
        var state = ConsoleState(window: ReplyWindow(), now: ConsoleFixture.now, width: 80, height: 24)
        #expect(!ConsoleFixture.apply([.inboxLoaded([])], to: &state).contains(.bell))
        let first = ConsoleFixture.apply([.inboxLoaded([ConsoleFixture.inbox[0]])], to: &state)
        #expect(first.contains(.bell))
    }

    @Test func theCursorFollowsACombiningMark() {
        var draft = ComposeDraft(transactionID: "1")
        for character in "cafe!" { draft.insert(character) }
        draft.moveLeft()
        draft.insert("\u{301}")
        #expect(draft.text == "café!")
        #expect(draft.cursor == 4, "still before the !")
    }

    @Test func quitAndResize() {
        var state = ConsoleFixture.state()
        ConsoleFixture.apply([.resize(width: 100, height: 30)], to: &state)
        #expect(state.width == 100 && state.height == 30)
        #expect(state.geometry == ScreenGeometry(width: 100, height: 30), "the layout is worked out for the new size")
        #expect(!state.quitting)
        #expect(ConsoleFixture.apply([.key(.character("q"))], to: &state) == [.quit])
        #expect(state.quitting, "the update itself marks the console as leaving")
    }

    @Test func everyQuitTheUpdateAsksForAlsoMarksTheStateQuitting() {
        var signalled = ConsoleFixture.state()
        #expect(ConsoleFixture.apply([.terminate], to: &signalled) == [.quit])
        #expect(signalled.quitting)
        var small = ConsoleFixture.state(width: 60, height: 20)
        #expect(small.geometry.isTooSmall)
        #expect(ConsoleFixture.apply([.key(.character("q"))], to: &small) == [.quit])
        #expect(small.quitting)
    }

    @Test func aPageMovesByTheListHeightTheLayoutGives() {
        var state = ConsoleFixture.state(width: 80, height: 24)
        let rows = (0..<40).map {
            ConsoleFixture.transaction("p\($0)", "HELP", "text \($0)", minutesAgo: 1 + Double($0) / 2)
        }
        ConsoleFixture.apply([.inboxLoaded(rows)], to: &state)
        let shown = state.geometry.inbox.listHeight
        #expect(ConsoleRenderer.render(state).line(1).contains(" 1–\(shown) of 40 "), "the list draws that many rows")
        let first = state.visible.firstIndex { $0.id == state.selected?.id } ?? -1
        ConsoleFixture.apply([.key(.pageDown)], to: &state)
        let after = state.visible.firstIndex { $0.id == state.selected?.id } ?? -1
        #expect(first == 0 && after == shown - 1, "a page keeps one row in view")
    }
}
