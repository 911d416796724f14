import Foundation
import Testing

@testable import SwitchboardEngine

/// `console.canned_replies`: "TAGG: text" entries, each bad one reported with its line.
@Suite struct CannedRepliesConfigurationTests {
    @Test func entriesAreReadAndBadOnesReported() throws {
        let text = """
            [console]
            canned_replies = ["PIZZA: On its way", "*: Thanks!", "no colon here"]
            """
        let result = ConfigurationLoader.load(
            text: text, source: ConfigurationFixture.source, environment: ConfigurationFixture.environment)
        #expect(result.problems.count == 1)
        let problem = try #require(result.problems.first)
        #expect(problem.key == "console.canned_replies")
        #expect(problem.line == 2)
        #expect(problem.message.contains("item 3"))

        let good = ConfigurationLoader.load(
            text: "[console]\ncanned_replies = [\"PIZZA: On its way\", \"*: Thanks!\"]\n",
            source: ConfigurationFixture.source, environment: ConfigurationFixture.environment)
        let replies = try #require(good.configuration?.console.cannedReplies)
        #expect(replies == [CannedReply(tagg: "PIZZA", text: "On its way"), CannedReply(tagg: nil, text: "Thanks!")])
        #expect(CannedReply.applicable(replies, to: "pizza") == ["On its way", "Thanks!"])
        #expect(CannedReply.applicable(replies, to: "HELP") == ["Thanks!"])
    }
}
