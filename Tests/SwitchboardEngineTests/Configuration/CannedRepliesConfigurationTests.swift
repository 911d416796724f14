import Foundation
import Testing

@testable import SwitchboardEngine

/// `console.canned_replies`: "TAGG: text" entries and tables with name, text and taggs, each bad one reported
/// with its line; `console.send_delay` and `console.after_send`.
@Suite struct CannedRepliesConfigurationTests {
    private func load(_ text: String) -> ConfigurationLoadResult {
        ConfigurationLoader.load(
            text: text, source: ConfigurationFixture.source, environment: ConfigurationFixture.environment)
    }

    @Test func entriesAreReadAndBadOnesReported() throws {
        let result = load(
            """
            [console]
            canned_replies = ["PIZZA: On its way", "*: Thanks!", "no colon here"]
            """)
        #expect(result.problems.count == 1)
        let problem = try #require(result.problems.first)
        #expect(problem.key == "console.canned_replies")
        #expect(problem.line == 2)
        #expect(problem.message.contains("item 3"))

        let good = load("[console]\ncanned_replies = [\"PIZZA: On its way\", \"*: Thanks!\"]\n")
        let replies = try #require(good.configuration?.console.cannedReplies)
        #expect(replies == [CannedReply(tagg: "PIZZA", text: "On its way"), CannedReply(tagg: nil, text: "Thanks!")])
        #expect(CannedReply.applicable(replies, to: "pizza").map(\.text) == ["On its way", "Thanks!"])
        #expect(CannedReply.applicable(replies, to: "HELP").map(\.text) == ["Thanks!"])
    }

    @Test func tablesWithNameTextAndTaggs() throws {
        let result = load(
            """
            [console]
            canned_replies = [
              { name = "Late order", text = "Sorry {?name}, order {id} is late: by {deadline}. {|}", taggs = ["pizza", "HELP"] },
              "*: Thanks!",
            ]
            """)
        #expect(result.problems.isEmpty, "\(result.problems)")
        let replies = try #require(result.configuration?.console.cannedReplies)
        #expect(replies.count == 2)
        #expect(replies[0].name == "Late order")
        #expect(replies[0].taggs == ["PIZZA", "HELP"])
        #expect(replies[0].template.prompts == ["name"])
        #expect(replies[1].name == "Thanks!")
        #expect(CannedReply.applicable(replies, to: "INFO").map(\.name) == ["Thanks!"])
    }

    @Test func arrayOfTables() throws {
        let result = load(
            """
            [[console.canned_replies]]
            name = "Opening hours"
            text = "We're open 10 to 10, {operator}"

            [[console.canned_replies]]
            text = "Ask me"
            taggs = ["INFO"]
            """)
        #expect(result.problems.isEmpty, "\(result.problems)")
        let replies = try #require(result.configuration?.console.cannedReplies)
        #expect(replies.map(\.name) == ["Opening hours", "Ask me"])
        #expect(replies[1].taggs == ["INFO"])
    }

    @Test func anUnknownVariableAndAnUnclosedBraceAreReportedAtTheirLines() throws {
        let result = load(
            """
            [console]
            canned_replies = [
              "PIZZA: fine",
              "HELP: Hi {name}, we are on it",
              { text = "Order {id is late" },
              { text = "ok", colour = "red" },
            ]
            """)
        let messages = result.problems.map { "\($0.line ?? 0): \($0.message)" }
        #expect(result.problems.count == 3, "\(messages)")
        let unknown = try #require(result.problems.first { $0.message.contains("{name}") })
        #expect(unknown.line == 4)
        #expect(unknown.message.contains("item 2: unknown variable {name} at character 4"))
        #expect(unknown.message.contains("{tagg}, {id}, {operator}, {deadline}, {left}"))
        let unclosed = try #require(result.problems.first { $0.message.contains("not closed") })
        #expect(unclosed.line == 5)
        #expect(unclosed.message.contains("item 3: the { at character 7 is not closed"))
        let extra = try #require(result.problems.first { $0.message.contains("colour") })
        #expect(extra.line == 6)
    }

    @Test func sendDelayAndAfterSend() throws {
        let defaults = try #require(load("").configuration?.console)
        #expect(defaults.sendDelay == .zero)
        #expect(defaults.afterSend == .next)
        let set = try #require(load("[console]\nsend_delay = \"0s\"\nafter_send = \"stay\"\n").configuration?.console)
        #expect(set.sendDelay == .zero)
        #expect(set.afterSend == .stay)
        let bad = load("[console]\nsend_delay = \"11s\"\nafter_send = \"later\"\n")
        #expect(bad.problems.map(\.key).sorted() == ["console.after_send", "console.send_delay"])
        #expect(bad.problems.first { $0.key == "console.send_delay" }?.message.contains("0s to 10s") == true)
        #expect(bad.problems.first { $0.key == "console.after_send" }?.line == 3)
    }
}
