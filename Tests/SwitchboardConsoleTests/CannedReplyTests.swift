import Foundation
import SwitchboardText
import Testing

@testable import SwitchboardConsole
@testable import SwitchboardEngine

/// `Ctrl-R` in the reply pane opens a picker: type to filter, `↑`/`↓`, `1`–`9` or `Enter` to insert at the cursor,
/// variables filled in for this text, prompts asked in order, the cursor put on `{|}`, each choice with its length.
@Suite struct CannedReplyTests {
    static let replies: [CannedReply] = [
        CannedReply(tagg: "HELP", text: "Call us"),
        try! CannedReply(
            name: "Late order", text: "Sorry, {id} ({tagg}) is late: by {deadline}. {|}Ta", taggs: ["help"]),
        try! CannedReply(name: "Order status", text: "Order {?order number} for {?name}: {left} min left"),
        CannedReply(tagg: "PIZZA", text: "On its way"),
        CannedReply(tagg: nil, text: "Thanks!"),
    ]

    /// The reply pane open on 102 (HELP, 4 minutes left) with `typed` in it.
    static func composing(_ typed: String = "", width: Int = 80, height: Int = 24) -> ConsoleState {
        var state = ConsoleFixture.state(width: width, height: height)
        state.compose.cannedReplies = replies
        ConsoleFixture.apply([.key(.down), .key(.enter)] + ConsoleFixture.keys(typed), to: &state)
        return state
    }

    @Test func enterInsertsTheChoiceAtTheCursorWithItsVariablesFilledIn() {
        var state = Self.composing("Hi  bye")
        ConsoleFixture.apply([.key(.left), .key(.left), .key(.left), .key(.left), .key(.control("r"))], to: &state)
        #expect(state.mode == .cannedPicker)
        #expect(
            CannedPickerUpdate.choices(in: state).map(\.name) == ["Call us", "Late order", "Order status", "Thanks!"])
        ConsoleFixture.apply([.key(.down), .key(.enter)], to: &state)
        #expect(state.mode == .compose)
        #expect(state.compose.draft?.text == "Hi Sorry, 102 (HELP) is late: by 08:04. Ta bye")
        #expect(state.compose.draft?.cursor == "Hi Sorry, 102 (HELP) is late: by 08:04. ".count, "on the {|} marker")
        ConsoleFixture.apply([.key(.control("z"))], to: &state)
        #expect(state.compose.draft?.text == "Hi  bye", "the insertion is undone as one change")
    }

    @Test func typingFiltersFuzzilyAndANumberPicks() {
        var state = Self.composing()
        ConsoleFixture.apply([.key(.control("r"))] + ConsoleFixture.keys("thk"), to: &state)
        #expect(CannedPickerUpdate.choices(in: state).map(\.name) == ["Thanks!"])
        ConsoleFixture.apply(
            [.key(.backspace), .key(.backspace), .key(.backspace)] + ConsoleFixture.keys("lo"), to: &state)
        #expect(CannedPickerUpdate.choices(in: state).first?.name == "Late order", "name matches rank first")
        ConsoleFixture.apply([.key(.escape)], to: &state)
        #expect(state.mode == .compose)
        #expect(state.compose.draft?.text == "", "Esc inserts nothing")
        ConsoleFixture.apply([.key(.control("r")), .key(.character("4"))], to: &state)
        #expect(state.compose.draft?.text == "Thanks!")
        #expect(state.mode == .compose)
    }

    @Test func promptsAreAskedInOrderAndTheValuesTypedGoIn() {
        var state = Self.composing()
        ConsoleFixture.apply([.key(.control("r")), .key(.character("3"))], to: &state)
        #expect(state.mode == .cannedPrompt)
        #expect(state.compose.picker?.prompting?.label == "order number")
        ConsoleFixture.apply(ConsoleFixture.keys("A-1234") + [.key(.enter)], to: &state)
        #expect(state.compose.picker?.prompting?.label == "name")
        ConsoleFixture.apply(ConsoleFixture.keys("Bo"), to: &state)
        let top = ScreenGeometry(width: 80, height: 24).inbox.paneTop
        let screen = ConsoleRenderer.render(state)
        #expect(screen.line(top + 1) == TextLayout.pad(">Order A-1234 for Bo: 4 min left", to: 80))
        #expect(screen.line(top + 5) == TextLayout.pad(" 31/100 latin", to: 80))
        #expect(screen.line(top + 6) == TextLayout.pad(" name (2 of 2): Bo  · Enter insert · Esc back", to: 80))
        ConsoleFixture.apply([.key(.enter)], to: &state)
        #expect(state.mode == .compose)
        #expect(state.compose.draft?.text == "Order A-1234 for Bo: 4 min left")
        #expect(state.compose.longestAnswers == ["order number": "A-1234", "name": "Bo"])
    }

    @Test func escapeDuringAPromptGoesBackToTheChoicesAndInsertsNothing() {
        var state = Self.composing("x")
        ConsoleFixture.apply([.key(.control("r")), .key(.character("3"))] + ConsoleFixture.keys("9"), to: &state)
        ConsoleFixture.apply([.key(.escape)], to: &state)
        #expect(state.mode == .cannedPicker)
        ConsoleFixture.apply([.key(.escape)], to: &state)
        #expect(state.compose.draft?.text == "x")
    }

    @Test func thePickerAt80x24ShowsEachChoiceWithItsLengthForThisText() {
        var state = Self.composing(String(repeating: "a", count: 90))
        state.compose.longestAnswers = ["order number": "123456789"]
        ConsoleFixture.apply([.key(.control("r"))], to: &state)
        let top = ScreenGeometry(width: 80, height: 24).inbox.paneTop
        let lines = ConsoleRenderer.render(state).lines
        let expected = [
            " Canned replies for 102 (HELP) · filter:  ",
            "▶1 Call us              Call us                                    97/100 latin",
            " 2 Late order           Sorry, {id} ({tagg}) is late: by {dead… ✗ 129/100 latin",
            " 3 Order status         Order {?order number} for {?name}: {le… ✗ 122/100 latin",
            " 4 Thanks!              Thanks!                                    97/100 latin",
            "",
            "",
            " type to filter · ↑↓ choose · 1-9 pick · Enter insert · Esc back",
        ]
        for (offset, line) in expected.enumerated() {
            #expect(lines[top + offset] == TextLayout.pad(line, to: 80), "row \(offset)")
        }
    }

    @Test func thePickerAt120x40() {
        var state = Self.composing(width: 120, height: 40)
        ConsoleFixture.apply([.key(.control("r"))] + ConsoleFixture.keys("o"), to: &state)
        let layout = ScreenGeometry(width: 120, height: 40).inbox
        let lines = ConsoleRenderer.render(state).lines
        #expect(lines[layout.paneTop] == TextLayout.pad(" Canned replies for 102 (HELP) · filter: o ", to: 120))
        #expect(
            lines[layout.paneTop + 1]
                == TextLayout.pad(
                    "▶1 Order status         Order {?order number} for {?name}: {left} min left"
                        + "                                 23/100 latin", to: 120))
    }

    @Test func theDeadlineIsLocalAndMinutesLeftRoundDown() {
        var state = ConsoleFixture.state()
        state.now = Date(timeIntervalSince1970: 1_800_000_000 + 30)
        state.timeZoneOffset = 3600
        let received = Date(timeIntervalSince1970: 1_800_000_000 - 600)  // 07:50 UTC; deadline 08:20 UTC
        let values = CannedInsertion.values(
            for: InboxTransaction(id: "1", tagg: "X", message: "", receivedAt: received, state: .pending), in: state)
        #expect(values.deadline == "09:20")
        #expect(values.minutesLeft == 19)
    }

    @Test func withoutCannedRepliesCtrlRSaysWhereToAddThem() {
        var state = ConsoleFixture.state()
        ConsoleFixture.apply([.key(.enter), .key(.control("r"))], to: &state)
        #expect(state.mode == .compose)
        #expect(state.compose.draft?.text == "")
        #expect(state.compose.draft?.result?.contains("console.canned_replies") == true)
    }

    @Test(arguments: [
        ("HELP: We're on it", "HELP", "We're on it"), ("*: Thanks", nil, "Thanks"), ("pizza:  Soon ", "PIZZA", "Soon"),
    ])
    func parsing(_ entry: String, _ tagg: String?, _ text: String) throws {
        let reply = try #require(CannedReply.entry(entry))
        #expect(reply.tagg == tagg)
        #expect(reply.text == text)
    }

    @Test(arguments: ["no colon", ": no tagg", "HELP:", "HELP:   "])
    func refusedEntries(_ entry: String) {
        #expect(CannedReply.entry(entry) == nil)
    }
}
