import Foundation
import Testing

@testable import SwitchboardConsole
@testable import SwitchboardEngine

/// The reply pane's one line on a store failure says whether anything went out.
@Suite struct ReplyOutcomeTextTests {
    @Test func aStoreFailureSaysWhetherTheReplyWentOut() {
        let before = ReplyOutcomeText.describe(.storeFailed("database or disk is full", attempts: []))
        #expect(before.text == "the store failed, nothing was sent: database or disk is full")
        #expect(!before.succeeded)
        let attempt = TaggaReplyAttempt(
            number: 1, startedAt: ConsoleFixture.now, finishedAt: ConsoleFixture.now, redactedRequestBody: "",
            outcome: .answered(TaggaResponse(transactionID: "101", returnCode: .success, message: nil), rawBody: ""))
        let after = ReplyOutcomeText.describe(.storeFailed("database or disk is full", attempts: [attempt]))
        #expect(after.text.hasPrefix("the store failed after sending; the reply's outcome is unknown until checked"))
        #expect(!after.succeeded)
    }
}
