import Foundation
import SwitchboardText
import Testing

@testable import SwitchboardConsole
@testable import SwitchboardEngine

/// `console.send_delay`: `Enter` holds the reply in the console; `u` (or `Ctrl-Z`) takes it back with its draft;
/// nothing goes to the engine before the delay ends, and the delay never runs past the deadline less the margin.
@Suite struct UndoSendTests {
    static func composing(_ typed: String, select: Int = 2, delay: Duration = .seconds(5)) -> ConsoleState {
        var state = ConsoleFixture.state()
        state.compose.sendDelay = delay
        ConsoleFixture.apply(
            Array(repeating: .key(.down), count: select - 1) + [.key(.enter)] + ConsoleFixture.keys(typed), to: &state)
        return state
    }

    static func tick(_ seconds: Double, _ state: inout ConsoleState) -> [ConsoleEffect] {
        ConsoleFixture.apply([.tick(ConsoleFixture.now.addingTimeInterval(seconds))], to: &state)
    }

    static func sends(_ effects: [ConsoleEffect]) -> [ConsoleEffect] {
        effects.filter { if case .sendReply = $0 { true } else { false } }
    }

    @Test func enterWaitsOutTheDelayThenSendsOnce() {
        var state = Self.composing("On it")
        #expect(Self.sends(ConsoleFixture.apply([.key(.enter)], to: &state)).isEmpty, "nothing before the delay")
        #expect(state.compose.scheduled["102"]?.sendAt == ConsoleFixture.now.addingTimeInterval(5))
        #expect(Self.sends(Self.tick(1, &state)).isEmpty)
        let top = ScreenGeometry(width: 80, height: 24).inbox.paneTop
        var screen = ConsoleRenderer.render(state)
        #expect(screen.line(top + 6) == TextLayout.pad(" sending in 4s · u undo", to: 80))
        ConsoleFixture.apply(ConsoleFixture.keys("xyz"), to: &state)
        #expect(state.compose.draft?.text == "On it", "the pane is read-only while the reply waits")
        ConsoleFixture.apply([.key(.escape)], to: &state)
        screen = ConsoleRenderer.render(state)
        #expect(screen.line(3).contains("sending in 4s · u undo"), "the row says it too: \(screen.line(3))")
        #expect(Self.sends(Self.tick(4.9, &state)).isEmpty)
        #expect(Self.sends(Self.tick(5, &state)) == [.sendReply(transactionID: "102", message: "On it", paid: false)])
        #expect(Self.sends(Self.tick(6, &state)).isEmpty, "exactly once")
        #expect(state.compose.scheduled.isEmpty)
    }

    @Test func uInThePaneTakesItBackAndNothingIsSent() {
        var state = Self.composing("On it")
        ConsoleFixture.apply([.key(.enter)], to: &state)
        _ = Self.tick(2, &state)
        ConsoleFixture.apply([.key(.character("u"))], to: &state)
        #expect(state.compose.scheduled.isEmpty)
        #expect(state.mode == .compose)
        #expect(state.compose.draft?.text == "On it")
        #expect(state.compose.draft?.sending == false)
        #expect(state.compose.draft?.result == "Not sent: the draft is back. Enter sends it.")
        #expect(Self.sends(Self.tick(30, &state)).isEmpty)
        ConsoleFixture.apply(ConsoleFixture.keys("!"), to: &state)
        #expect(state.compose.draft?.text == "On it!", "the draft is editable again")
    }

    @Test func ctrlZAndUFromTheInboxTakeItBackToo() {
        var state = Self.composing("A")
        ConsoleFixture.apply([.key(.enter), .key(.control("z"))], to: &state)
        #expect(state.compose.scheduled.isEmpty)
        ConsoleFixture.apply([.key(.enter), .key(.escape), .key(.character("k"))], to: &state)
        #expect(state.inbox.selectedID == "101")
        ConsoleFixture.apply([.key(.character("u"))], to: &state)
        #expect(state.compose.scheduled.isEmpty, "u in the inbox takes back the reply held last")
        #expect(state.inbox.selectedID == "102")
        #expect(state.mode == .compose)
        #expect(Self.sends(Self.tick(10, &state)).isEmpty)
    }

    @Test func theDelayIsCutToStayBeforeTheDeadlineLessTheMargin() {
        var state = ConsoleFixture.state()
        state.compose.sendDelay = .seconds(10)
        let close = ConsoleFixture.transaction("107", "HELP", "hurry", minutesAgo: 29.7)  // 18 s left
        _ = ConsoleFixture.apply([.inboxLoaded(ConsoleFixture.inbox + [close])], to: &state)
        state.inbox.selectedID = "107"
        ConsoleFixture.apply([.key(.enter)] + ConsoleFixture.keys("ok") + [.key(.enter)], to: &state)
        let held = state.compose.scheduled["107"]
        #expect(held?.sendAt == ConsoleFixture.now.addingTimeInterval(8), "18 s left less the 10 s margin")
        #expect(held?.shortened == true)
        let top = ScreenGeometry(width: 80, height: 24).inbox.paneTop
        #expect(
            ConsoleRenderer.render(state).line(top + 6)
                == TextLayout.pad(" sending in 8s (cut for the deadline) · u undo", to: 80))
        #expect(Self.sends(Self.tick(8, &state)).count == 1)
    }

    @Test func noDelaySendsAtOnce() {
        var state = Self.composing("now", delay: .zero)
        #expect(Self.sends(ConsoleFixture.apply([.key(.enter)], to: &state)).count == 1)
        #expect(state.compose.scheduled.isEmpty)
    }

    @Test func quittingWithAReplyHeldAsksFirstAndSendsNothing() {
        var state = Self.composing("later")
        ConsoleFixture.apply([.key(.enter), .key(.escape), .key(.character("q"))], to: &state)
        #expect(!state.quitting)
        #expect(state.flash?.text.contains("1 reply is waiting to be sent") == true)
        let effects = ConsoleFixture.apply([.key(.character("q"))], to: &state)
        #expect(state.quitting)
        #expect(Self.sends(effects).isEmpty)
    }

    @Test func theHeldTextStaysMarkedAsBeingWrittenTo() {
        var state = Self.composing("hold")
        ConsoleFixture.apply([.key(.enter)], to: &state)
        #expect(ConsoleFixture.apply([.key(.escape)], to: &state).isEmpty, "the soft lock stays while it waits")
        #expect(state.composingID == "102")
        #expect(Self.tick(5, &state).contains(.sendReply(transactionID: "102", message: "hold", paid: false)))
    }
}
