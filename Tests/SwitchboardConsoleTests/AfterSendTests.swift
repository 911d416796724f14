import Foundation
import Testing

@testable import SwitchboardConsole
@testable import SwitchboardEngine

/// `console.after_send`: `next` moves the selection to the most urgent pending text nobody else is writing to;
/// `stay` keeps it on the text answered.
@Suite struct AfterSendTests {
    static func replied(_ id: String) -> ConsoleEvent {
        let attempt = TaggaReplyAttempt(
            number: 1, startedAt: ConsoleFixture.now, finishedAt: ConsoleFixture.now, redactedRequestBody: "",
            outcome: .answered(TaggaResponse(transactionID: id, returnCode: .success, message: nil), rawBody: ""))
        return .replyFinished(id, .finished(.replied, attempts: [attempt]))
    }

    @Test func nextSkipsTextsSomeoneElseIsWritingTo() {
        var state = ConsoleFixture.state()
        state.inbox.othersComposing = [
            "101": [SoftLockTests.mark("101", "bo")], "102": [SoftLockTests.mark("102", "cy")],
        ]
        state.inbox.selectedID = "104"
        ConsoleFixture.apply([.key(.enter)] + ConsoleFixture.keys("ok") + [.key(.enter)], to: &state)
        let effects = ConsoleFixture.apply([Self.replied("104")], to: &state)
        #expect(state.inbox.selectedID == "103", "101 and 102 are more urgent, but others are writing to them")
        #expect(effects.contains(.loadJournal("103")))
    }

    @Test func stayKeepsTheSelection() {
        var state = ConsoleFixture.state()
        state.compose.afterSend = .stay
        ConsoleFixture.apply([.key(.enter)] + ConsoleFixture.keys("ok") + [.key(.enter)], to: &state)
        ConsoleFixture.apply([Self.replied("101")], to: &state)
        #expect(state.inbox.selectedID == "101")
    }

    @Test func nextGoesToTheMostUrgent() {
        var state = ConsoleFixture.state()
        state.inbox.selectedID = "103"
        ConsoleFixture.apply([.key(.enter)] + ConsoleFixture.keys("ok") + [.key(.enter)], to: &state)
        ConsoleFixture.apply([Self.replied("103")], to: &state)
        #expect(state.inbox.selectedID == "101")
    }
}
