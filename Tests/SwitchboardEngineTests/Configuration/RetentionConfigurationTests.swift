import Testing

@testable import SwitchboardEngine

/// `store.retention`: a duration longer than the reply window, or absent (keep everything).
@Suite struct RetentionConfigurationTests {
    private func load(_ text: String) -> ConfigurationLoadResult {
        ConfigurationLoader.load(
            text: text, source: ConfigurationFixture.source, environment: ConfigurationFixture.environment)
    }

    @Test func absentKeepsEverything() throws {
        let result = load("[store]\nurl = \"sqlite:x.sqlite\"\n")
        let configuration = try #require(result.configuration)
        #expect(configuration.store.retention == nil)
        #expect(
            ConfigurationSummary.lines(for: result).contains {
                $0.hasPrefix("store.retention") && $0.contains("(keep everything)")
            })
    }

    @Test func ninetyDays() throws {
        let result = load("[store]\nretention = \"90d\"\n")
        #expect(result.problems.isEmpty, "\(result.problems)")
        let configuration = try #require(result.configuration)
        #expect(configuration.store.retention == .seconds(90 * 86_400))
        let line = try #require(ConfigurationSummary.lines(for: result).first { $0.hasPrefix("store.retention") })
        #expect(line.contains("90d") && !line.contains("(default)"), "\(line)")
    }

    @Test(arguments: [
        ("\"90\"", "has no unit"),
        ("90", "has no unit"),
        ("\"90 days\"", "is not a duration"),
        ("\"-90d\"", "is negative"),
    ])
    func notADuration(value: String, message: String) throws {
        let result = load("[tagga]\ntaggs = [\"HELP\"]\n[store]\nretention = \(value)\n")
        let problem = try #require(result.problems.first)
        #expect(result.problems.count == 1)
        #expect(problem.key == "store.retention")
        #expect(problem.line == 4)
        #expect(problem.message.contains(message), "\(problem.message)")
    }

    @Test(arguments: [("20m", "30m"), ("30m", "30m"), ("45m", "1h")])
    func notLongerThanTheReplyWindow(retention: String, window: String) throws {
        let result = load("[store]\nretention = \"\(retention)\"\n[tagga]\nreply_window = \"\(window)\"\n")
        let problem = try #require(result.problems.first)
        #expect(result.problems.count == 1)
        #expect(result.configuration == nil)
        #expect(
            problem.description
                == "config.toml:2: store.retention: \"\(retention)\" is not longer than the reply window (\(window)): "
                + "a text must be kept at least until it can no longer be answered; write a longer one, like \"90d\", "
                + "or remove the key to keep everything")
    }

    @Test func aLongerWindowNeedsALongerRetention() throws {
        let result = load("[store]\nretention = \"2h\"\n[tagga]\nreply_window = \"1h\"\n")
        #expect(result.problems.isEmpty, "\(result.problems)")
        #expect(result.configuration?.store.retention == .seconds(7_200))
    }
}
