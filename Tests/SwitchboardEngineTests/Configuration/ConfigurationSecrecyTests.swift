import Foundation
import Testing

@testable import SwitchboardEngine

/// Secret values must never appear in a problem, a warning, a summary or a description.
@Suite struct ConfigurationSecrecyTests {
    private func everything(_ result: ConfigurationLoadResult) -> String {
        var text = result.problems.map(\.description) + result.problems.map(\.message) + result.warnings
        text += ConfigurationSummary.lines(for: result)
        if let configuration = result.configuration {
            text.append(String(describing: configuration))
            text.append(String(reflecting: configuration))
            var dumped = ""
            dump(configuration, to: &dumped)
            text.append(dumped)
        }
        return text.joined(separator: "\n")
    }

    @Test func aValidFileShowsNoSecrets() throws {
        let path = try ConfigurationFixture.write(ConfigurationFixture.full, mode: 0o644)
        defer { ConfigurationFixture.remove(path) }
        let result = ConfigurationLoader.load(explicitPath: path, environment: ConfigurationFixture.environment)
        #expect(result.configuration != nil)
        let output = everything(result)
        for secret in ConfigurationFixture.secretsInFull {
            #expect(!output.contains(secret), "\(secret) leaked")
        }
        #expect(output.contains("tagga.apikey"))
        #expect(output.contains("•••• (set)"))
    }

    @Test func badSecretValuesAreNotRepeated() {
        let text = """
            [store]
            url = "oracle://scott:tiger-secret-1@db/x"
            [receiver]
            secret = "bad secret-2!"
            [tagga]
            apikey = 1234567890
            passkey = ["list-secret-3"]
            [tagget]
            token = true
            id = "id-secret-4"
            """
        let result = ConfigurationLoader.load(
            text: text,
            source: ConfigurationFixture.source,
            environment: ConfigurationFixture.environment
                .merging(["SWITCHBOARD_TAGGET_ID": "env-secret-5", "SWITCHBOARD_TAGGA_APIKEY": "env-secret-6"]) { $1 }
        )
        #expect(result.problems.count == 7, "\(result.problems)")
        let output = everything(result)
        for secret in ["tiger-secret-1", "bad secret-2", "1234567890", "list-secret-3", "id-secret-4", "env-secret"] {
            #expect(!output.contains(secret), "\(secret) leaked")
        }
    }

    @Test func syntaxErrorsOnSecretLinesDoNotQuoteThem() throws {
        for text in ["[tagga]\napikey = s3cr3t-bare\n", "[tagget]\ntoken = 'half-quoted-s3cr3t\n"] {
            let result = ConfigurationLoader.load(
                text: text,
                source: ConfigurationFixture.source,
                environment: ConfigurationFixture.environment
            )
            #expect(result.problems.count == 1)
            let problem = try #require(result.problems.first)
            #expect(problem.line == 2)
            #expect(!problem.description.contains("s3cr3t"), "\(problem)")
        }
    }

    @Test func theSummaryShowsSetOrEmpty() throws {
        let result = ConfigurationLoader.load(
            text: "[tagga]\napikey = \"summary-secret\"\n",
            source: ConfigurationFixture.source,
            environment: ConfigurationFixture.environment.merging(["SWITCHBOARD_TAGGET_TOKEN": "env-token-7"]) { $1 }
        )
        let lines = ConfigurationSummary.lines(for: result)
        #expect(lines.first == "configuration: config.toml (from --config)")
        #expect(lines.contains("tagga.apikey               •••• (set)"))
        #expect(lines.contains("tagga.passkey              (empty)  (default)"))
        #expect(lines.contains("tagget.token               •••• (set)  (from $SWITCHBOARD_TAGGET_TOKEN)"))
        #expect(lines.contains("tagga.reply_window         30m  (default)"))
        #expect(lines.contains("replies need: tagga.passkey"))
        #expect(lines.contains("sends need: tagget.id"))
        #expect(!lines.joined().contains("summary-secret"))
        #expect(!lines.joined().contains("env-token-7"))
    }
}
