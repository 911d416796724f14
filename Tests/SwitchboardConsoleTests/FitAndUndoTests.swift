import Foundation
import SwitchboardText
import Testing

@testable import SwitchboardConsole
@testable import SwitchboardEngine

/// `Ctrl-F` makes the reply latin with the counter's own replacements and says what it changed; `Ctrl-Z` undoes
/// the last change to the draft, whatever it was (typing, paste, fit, canned insert).
@Suite struct FitAndUndoTests {
    @Test func ctrlFReplacesWhatTheCounterNamesAndSaysSo() {
        var state = CannedReplyTests.composing("It’s 5–6 o’clock")
        #expect(state.compose.draft?.length.charset == .other)
        ConsoleFixture.apply([.key(.left), .key(.control("f"))], to: &state)
        #expect(state.compose.draft?.text == "It's 5-6 o'clock")
        #expect(state.compose.draft?.cursor == "It's 5-6 o'cloc".count, "the cursor stays after the same text")
        let top = ScreenGeometry(width: 80, height: 24).inbox.paneTop
        let screen = ConsoleRenderer.render(state)
        #expect(screen.line(top + 5) == TextLayout.pad(" 16/100 latin", to: 80))
        #expect(screen.line(top + 6) == TextLayout.pad(" 3 replaced: ’ → ' ×2, – → -", to: 80))
        ConsoleFixture.apply([.key(.control("z"))], to: &state)
        #expect(state.compose.draft?.text == "It’s 5–6 o’clock")
    }

    @Test func theCounterLineOffersCtrlFWhenTheReplyIsOther() {
        let state = CannedReplyTests.composing("It’s")
        let top = ScreenGeometry(width: 80, height: 24).inbox.paneTop
        let footer = ConsoleRenderer.render(state).line(top + 6)
        #expect(footer.hasPrefix(" Enter send · Ctrl-R canned (4) · Ctrl-F fit · Ctrl-Z undo"))
    }

    @Test func ctrlZUndoesTypingDeletingAndAPasteAsAWhole() {
        var state = CannedReplyTests.composing("ab")
        ConsoleFixture.apply([.key(.backspace)], to: &state)
        #expect(state.compose.draft?.text == "a")
        ConsoleFixture.apply(
            [.key(.pasteBegin)] + ConsoleFixture.keys("pasted") + [.key(.pasteEnd)], to: &state)
        #expect(state.compose.draft?.text == "apasted")
        ConsoleFixture.apply([.key(.control("z"))], to: &state)
        #expect(state.compose.draft?.text == "a", "the paste goes as one")
        ConsoleFixture.apply([.key(.control("z"))], to: &state)
        #expect(state.compose.draft?.text == "ab")
        ConsoleFixture.apply([.key(.control("z")), .key(.control("z"))], to: &state)
        #expect(state.compose.draft?.text == "")
        ConsoleFixture.apply([.key(.control("z"))], to: &state)
        #expect(state.compose.draft?.result == "Nothing to undo.")
    }

    @Test func fittingALatinReplyChangesNothing() {
        var state = CannedReplyTests.composing("plain")
        ConsoleFixture.apply([.key(.control("f"))], to: &state)
        #expect(state.compose.draft?.text == "plain")
        #expect(state.compose.draft?.result == "Nothing to replace: the reply is already latin")
        ConsoleFixture.apply([.key(.control("z"))], to: &state)
        #expect(state.compose.draft?.text == "plai", "the fit was no change: the typing is undone")
    }
}
