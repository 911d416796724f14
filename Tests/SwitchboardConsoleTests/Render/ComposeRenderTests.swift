import Foundation
import SwitchboardText
import Testing

@testable import SwitchboardConsole
@testable import SwitchboardEngine

/// The reply pane: the counter, what forced "other", where the limit broke, the pre-flight, and the help overlay.
@Suite struct ComposeRenderTests {
    static func composing(_ text: String, width: Int = 80, height: Int = 24, select: Int = 2) -> ConsoleState {
        var state = ConsoleFixture.state(width: width, height: height)
        ConsoleFixture.apply(Array(repeating: .key(.down), count: select - 1) + [.key(.enter)], to: &state)
        ConsoleFixture.apply(ConsoleFixture.keys(text), to: &state)
        return state
    }

    @Test func latinReplyWithinTheLimit() {
        let state = Self.composing("On its way")
        let lines = ConsoleRenderer.render(state).lines
        let top = ScreenGeometry(width: 80, height: 24).inbox.paneTop
        #expect(lines[top] == TextLayout.pad(" Reply to 102 (HELP) · 04:00 left · paid: off (Ctrl-P)", to: 80))
        #expect(lines[top + 1] == TextLayout.pad(">On its way", to: 80))
        #expect(lines[top + 5] == TextLayout.pad(" 10/100 latin", to: 80))
        #expect(
            lines[top + 6]
                == TextLayout.pad(" Enter send · Ctrl-Z undo · Ctrl-P paid · Ctrl-J new line · Esc back", to: 80))
    }

    @Test func overTheLimitNamesTheCharactersThatForcedOther() {
        let text = "I’m on my way, " + String(repeating: "x", count: 40)
        let state = Self.composing(text)
        let screen = ConsoleRenderer.render(state)
        let top = ScreenGeometry(width: 80, height: 24).inbox.paneTop
        let counter = screen.line(top + 5)
        #expect(counter.hasPrefix(" 55/50 other · 5 over, from character 51 “x” · other because of: ’ U+2019 → '"))
        #expect(screen[1, top + 5].role == .counterOver)
        #expect(screen.line(top + 6).hasPrefix(" ✗ Code 5 equivalent: Message too long: 55/50 other, 5 over."))
        #expect(screen[1, top + 6].role == .flashError)
    }

    @Test func composeAt120x40() {
        let state = Self.composing("Привет", width: 120, height: 40)
        let screen = ConsoleRenderer.render(state)
        let layout = ScreenGeometry(width: 120, height: 40).inbox
        let counterRow = layout.paneTop + layout.paneHeight - 3
        #expect(screen.line(layout.paneTop + 1) == TextLayout.pad(">Привет", to: 120))
        #expect(screen.line(counterRow).hasPrefix(" 6/50 other · other because of: П U+041F"))
    }

    @Test func helpOverlayListsEveryBinding() {
        var state = ConsoleFixture.state(width: 120, height: 40)
        ConsoleFixture.apply([.key(.character("?"))], to: &state)
        let text = ConsoleRenderer.render(state).lines.joined(separator: "\n")
        #expect(text.contains("Keys — Esc, ? or q closes"))
        for binding in KeyBindings.all where binding.modes.contains(.inbox) {
            #expect(text.contains(binding.help), "\(binding.help)")
        }
        ConsoleFixture.apply([.key(.escape)], to: &state)
        #expect(state.mode == .inbox)
    }
}

/// The help overlay at the smallest size: every binding shown, none cut.
@Suite struct HelpRenderTests {
    @Test func helpAt80x24() {
        var state = ConsoleFixture.state()
        ConsoleFixture.apply([.key(.character("?"))], to: &state)
        let lines = ConsoleRenderer.render(state).lines
        #expect(lines[1] == TextLayout.pad("  Keys — Esc, ? or q closes", to: 80))
        #expect(lines[3] == TextLayout.pad("  INBOX                                  REPLY", to: 80))
        #expect(
            lines[4]
                == TextLayout.pad("  ↑ k          previous text             Enter        send (after checks)", to: 80))
        #expect(
            lines[16]
                == TextLayout.pad("  Esc          clear the search          Delete       delete under cursor", to: 80))
        #expect(lines.contains { $0.contains("SEARCH") })
        let text = lines.joined(separator: "\n")
        for binding in KeyBindings.all where !binding.modes.isDisjoint(with: [.inbox, .compose, .search]) {
            #expect(text.contains(binding.help), "\(binding.help) is shown whole")
        }
    }
}
