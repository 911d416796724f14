import Foundation
import Testing

@testable import SwitchboardConsole
@testable import SwitchboardEngine

/// `Ctrl-R` in the reply pane cycles through the tagg's canned replies, then the ones for every tagg.
@Suite struct CannedReplyTests {
    @Test func ctrlRCyclesThroughTheTaggsReplies() {
        var state = ConsoleFixture.state()
        state.compose.cannedReplies = [
            CannedReply(parsing: "pizza: On its way")!, CannedReply(parsing: "HELP: Call us")!,
            CannedReply(parsing: "*: Thanks!")!,
        ]
        ConsoleFixture.apply([.key(.enter), .key(.control("r"))], to: &state)
        #expect(state.compose.draft?.text == "On its way")
        ConsoleFixture.apply([.key(.control("r"))], to: &state)
        #expect(state.compose.draft?.text == "Thanks!")
        ConsoleFixture.apply([.key(.control("r")), .key(.character("!"))], to: &state)
        #expect(state.compose.draft?.text == "On its way!", "the text stays editable")
        let footer = ConsoleRenderer.render(state).line(ScreenGeometry(width: 80, height: 24).inbox.paneTop + 6)
        #expect(footer.contains("Ctrl-R canned (2)"))
    }

    @Test func withoutCannedRepliesCtrlRSaysWhereToAddThem() {
        var state = ConsoleFixture.state()
        ConsoleFixture.apply([.key(.enter), .key(.control("r"))], to: &state)
        #expect(state.compose.draft?.text == "")
        #expect(state.compose.draft?.result?.contains("console.canned_replies") == true)
    }

    @Test(arguments: [
        ("HELP: We're on it", "HELP", "We're on it"), ("*: Thanks", nil, "Thanks"), ("pizza:  Soon ", "PIZZA", "Soon"),
    ])
    func parsing(_ entry: String, _ tagg: String?, _ text: String) throws {
        let reply = try #require(CannedReply(parsing: entry))
        #expect(reply.tagg == tagg)
        #expect(reply.text == text)
    }

    @Test(arguments: ["no colon", ": no tagg", "HELP:", "HELP:   "])
    func refusedEntries(_ entry: String) {
        #expect(CannedReply(parsing: entry) == nil)
    }
}
