import Foundation
import Testing

@testable import SwitchboardEngine

@Suite struct ConfigurationLoaderTests {
    private func load(_ text: String, environment: [String: String] = ConfigurationFixture.environment)
        -> ConfigurationLoadResult
    {
        ConfigurationLoader.load(text: text, source: ConfigurationFixture.source, environment: environment)
    }

    @Test func defaultsWhenTheDefaultFileIsMissing() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("no-home-\(UUID().uuidString)").path
        let environment = ["HOME": home, "USER": "carol"]
        let source = ConfigurationLoader.locate(explicitPath: nil, environment: environment)
        #expect(source == ConfigurationSource(path: home + "/.config/switchboard/config.toml", origin: .home))
        let result = ConfigurationLoader.load(source: source, environment: environment)
        #expect(result.problems.isEmpty)
        #expect(result.warnings.isEmpty)
        #expect(!result.fileWasRead)
        let configuration = try #require(result.configuration)
        #expect(configuration.store.location == .sqlite(path: "switchboard.sqlite"))
        #expect(configuration.receiver.listen == ListenAddress(host: "127.0.0.1", port: 8_080))
        #expect(configuration.receiver.secret.isEmpty)
        #expect(configuration.receiver.allowedNetworks.isEmpty)
        #expect(configuration.receiver.allows(address: "198.51.100.1"))
        #expect(configuration.tagga.baseURL.absoluteString == "http://tagga.com")
        #expect(configuration.tagga.apiKey.isEmpty && configuration.tagga.passKey.isEmpty)
        #expect(configuration.tagga.taggs.isEmpty)
        #expect(configuration.tagga.replyWindow == .seconds(1_800))
        #expect(configuration.tagga.safetyMargin == .seconds(10))
        #expect(configuration.tagga.paymentRegistered == false)
        #expect(configuration.tagget.baseURL.absoluteString == "https://api.tagget.io")
        #expect(configuration.tagget.id == nil)
        #expect(configuration.tagget.token.isEmpty)
        #expect(configuration.tagget.sender.value == "Tagget")
        #expect(configuration.tagget.rate == 10)
        #expect(configuration.tagget.concurrency == 4)
        #expect(configuration.console.theme == "default")
        #expect(configuration.console.bell == true)
        #expect(configuration.console.operatorName == "carol")
        #expect(configuration.missingForReplies == ["tagga.apikey", "tagga.passkey"])
        #expect(configuration.missingForSends == ["tagget.id", "tagget.token"])
    }

    @Test func anEmptyFileMeansDefaults() throws {
        let result = load("# nothing here\n")
        #expect(result.problems.isEmpty)
        let configuration = try #require(result.configuration)
        #expect(configuration == SwitchboardConfiguration.defaults(environment: ConfigurationFixture.environment))
        #expect(configuration.console.operatorName == "tester")
    }

    @Test func aFullValidFile() throws {
        let path = try ConfigurationFixture.write(ConfigurationFixture.full)
        defer { ConfigurationFixture.remove(path) }
        let result = ConfigurationLoader.load(explicitPath: path, environment: ConfigurationFixture.environment)
        #expect(result.problems.isEmpty, "\(result.problems)")
        #expect(result.warnings.isEmpty, "\(result.warnings)")
        #expect(result.fileWasRead)
        let configuration = try #require(result.configuration)
        #expect(
            configuration.store.location.description == "postgres://switchboard:••••@db.example.com:5432/switchboard")
        #expect(configuration.receiver.listen == ListenAddress(host: "::", port: 9_090))
        #expect(configuration.receiver.secret.reveal() == "path-secret-77")
        #expect(configuration.receiver.allowedNetworks.map(\.description) == ["203.0.113.0/24", "2001:db8::/32"])
        #expect(configuration.receiver.allows(address: "203.0.113.9"))
        #expect(!configuration.receiver.allows(address: "198.51.100.1"))
        #expect(configuration.tagga.baseURL.absoluteString == "https://tagga.example.com")
        #expect(configuration.tagga.apiKey.reveal() == "apikey-secret-123")
        #expect(configuration.tagga.passKey.reveal() == "passkey-secret-456")
        #expect(configuration.tagga.taggs == ["HELP", "PIZZA"])
        #expect(configuration.tagga.isConfigured(tagg: "pizza"))
        #expect(!configuration.tagga.isConfigured(tagg: "PASTA"))
        #expect(configuration.tagga.replyWindow == .seconds(1_200))
        #expect(configuration.tagga.safetyMargin == .seconds(5))
        #expect(configuration.tagga.paymentRegistered)
        #expect(configuration.tagget.baseURL.absoluteString == "http://127.0.0.1:9999")
        #expect(configuration.tagget.id == 12_345)
        #expect(configuration.tagget.token.reveal() == "token-secret-789")
        #expect(configuration.tagget.sender.value == "Acme")
        #expect(configuration.tagget.rate == 2.5)
        #expect(configuration.tagget.concurrency == 8)
        #expect(configuration.console.theme == "solarized")
        #expect(configuration.console.bell == false)
        #expect(configuration.console.operatorName == "alice")
        #expect(configuration.missingForReplies.isEmpty && configuration.missingForSends.isEmpty)
        #expect(result.origins["tagga.apikey"] == "file")
    }

    @Test func threeMistakesGiveThreeProblemsOnTheirLines() throws {
        let text = """
            [store]
            url = "sqlite:sb.sqlite"

            [tagga]
            apikey = "k"
            reply_window = "30x"
            taggs = ["HELP"]

            [tagget]
            rate = 10
            concurency = 8
            sender = "Way Too Long Sender"
            """
        let result = load(text)
        #expect(result.configuration == nil)
        #expect(result.problems.count == 3, "\(result.problems)")
        #expect(result.problems.map(\.line) == [6, 11, 12])
        #expect(result.problems.map(\.key) == ["tagga.reply_window", "tagget.concurency", "tagget.sender"])
        #expect(
            result.problems[0].description
                == #"config.toml:6: tagga.reply_window: "30x" is not a duration; write it like "30m" or "90s""#
                + #" ("x" is not a unit)"#
        )
        #expect(result.problems[1].message.contains(#"did you mean "concurrency"?"#))
        #expect(result.problems[2].message.contains("at most 11"))
    }

    @Test func wrongTypesSayExpectedAndFound() throws {
        let text = """
            [tagga]
            payment_registered = "yes"
            reply_window = 30
            taggs = "HELP"
            [tagget]
            id = "12345"
            concurrency = 100
            rate = 0
            [console]
            bell = "true"
            """
        let result = load(text)
        let byKey = Dictionary(result.problems.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        #expect(result.problems.count == 7, "\(result.problems)")
        #expect(byKey["tagga.payment_registered"]?.message == #"expected true or false, found a string ("yes")"#)
        #expect(byKey["tagga.payment_registered"]?.line == 2)
        #expect(byKey["tagga.reply_window"]?.message.contains(#"30 has no unit"#) == true)
        #expect(byKey["tagga.taggs"]?.message.hasPrefix("expected a list of strings, found a string") == true)
        #expect(
            byKey["tagget.id"]?.message == "expected a whole number, found a string; write the number without quotes")
        #expect(byKey["tagget.concurrency"]?.message.contains("use 1 to 64") == true)
        #expect(byKey["tagget.rate"]?.line == 8)
        #expect(byKey["console.bell"]?.message.contains("write true without quotes") == true)
        #expect(byKey["console.bell"]?.line == 10)
    }

    @Test func aSyntaxErrorIsOneProblemWithLineAndColumn() throws {
        let text = """
            [tagga]
            taggs = ["HELP"]
            reply_window = "30m
            """
        let result = load(text)
        #expect(result.configuration == nil)
        #expect(result.problems.count == 1)
        let problem = try #require(result.problems.first)
        #expect(problem.line == 3)
        #expect(problem.column != nil)
        #expect(problem.description.hasPrefix("config.toml:3:"))
        #expect(problem.message.contains("TOML syntax error"))
    }

    @Test func environmentOverridesWinOverTheFile() throws {
        let text = """
            [tagga]
            apikey = "file-key"
            passkey = "file-pass"
            [tagget]
            id = 1
            token = "file-token"
            """
        var environment = ConfigurationFixture.environment
        environment["SWITCHBOARD_TAGGA_APIKEY"] = "env-key"
        environment["SWITCHBOARD_TAGGA_PASSKEY"] = "env-pass"
        environment["SWITCHBOARD_TAGGET_ID"] = "777"
        environment["SWITCHBOARD_TAGGET_TOKEN"] = "env-token"
        let result = load(text, environment: environment)
        let configuration = try #require(result.configuration)
        #expect(configuration.tagga.apiKey.reveal() == "env-key")
        #expect(configuration.tagga.passKey.reveal() == "env-pass")
        #expect(configuration.tagget.id == 777)
        #expect(configuration.tagget.token.reveal() == "env-token")
        #expect(result.origins["tagga.apikey"] == "SWITCHBOARD_TAGGA_APIKEY")
        #expect(result.origins["tagget.id"] == "SWITCHBOARD_TAGGET_ID")
    }

    @Test func environmentAloneWorksWithoutAFile() throws {
        var environment = ConfigurationFixture.environment
        environment["SWITCHBOARD_TAGGA_APIKEY"] = "env-key"
        environment["SWITCHBOARD_TAGGET_TOKEN"] = ""
        let result = load("", environment: environment)
        let configuration = try #require(result.configuration)
        #expect(configuration.tagga.apiKey.reveal() == "env-key")
        #expect(configuration.tagget.token.isEmpty)
    }

    @Test func aBadTaggetIDInTheEnvironmentNamesTheVariable() throws {
        var environment = ConfigurationFixture.environment
        environment["SWITCHBOARD_TAGGET_ID"] = "abc-secret-id"
        let result = load("[tagget]\nid = 5\n", environment: environment)
        #expect(result.configuration == nil)
        let problem = try #require(result.problems.first)
        #expect(result.problems.count == 1)
        #expect(problem.key == "tagget.id")
        #expect(problem.line == nil)
        #expect(problem.message.contains("SWITCHBOARD_TAGGET_ID"))
        #expect(!problem.description.contains("abc-secret-id"))
    }

    @Test func unknownKeysAndTablesGetSuggestions() throws {
        let text = """
            apikey = "top-level-secret"
            [tagga]
            reply_windw = "30m"
            sender = "Acme"
            colour = "red"

            [tagget]
            apikye = "secret-in-unknown-key"

            [consol]
            bell = true
            """
        let result = load(text)
        #expect(result.problems.count == 6, "\(result.problems)")
        let problems = Dictionary(result.problems.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        #expect(problems["apikey"]?.line == 1)
        #expect(problems["apikey"]?.message.contains("did you mean tagga.apikey? It belongs under [tagga]") == true)
        #expect(
            problems["tagga.reply_windw"]?.message
                == #"unknown key "reply_windw" in [tagga]; did you mean "reply_window"?"#
        )
        #expect(problems["tagga.reply_windw"]?.line == 3)
        #expect(problems["tagga.sender"]?.message.contains("did you mean tagget.sender?") == true)
        #expect(problems["tagga.colour"]?.message.contains("the keys of [tagga] are base_url, apikey") == true)
        #expect(problems["tagga.colour"]?.line == 5)
        #expect(problems["tagget.apikye"]?.message.contains("did you mean tagga.apikey?") == true)
        #expect(problems["tagget.apikye"]?.line == 8)
        #expect(problems["consol"]?.message == "unknown table [consol]; did you mean [console]?")
        #expect(problems["consol"]?.line == 10)
        #expect(result.problems.map { $0.line ?? 0 } == [1, 3, 4, 5, 8, 10])
        let all = result.problems.map(\.description).joined(separator: "\n")
        #expect(!all.contains("secret-in-unknown-key"))
        #expect(!all.contains("top-level-secret"))
    }

    @Test func invalidValuesAreReportedWithTheirKeys() throws {
        let text = """
            [store]
            url = "mysql://root:pw-123@localhost/db"
            [receiver]
            listen = "8080"
            secret = "has/slash"
            allowed_networks = ["10.0.0.0/8", "10.0.0.0/99", 7]
            [tagga]
            base_url = "ftp://tagga.com"
            taggs = ["", "OK", "ok"]
            reply_window = "1m"
            safety_margin = "5m"
            [tagget]
            base_url = "not a url"
            id = -3
            """
        let result = load(text)
        let keys = result.problems.map(\.key)
        #expect(
            keys == [
                "store.url", "receiver.listen", "receiver.secret", "receiver.allowed_networks",
                "receiver.allowed_networks", "tagga.base_url", "tagga.taggs", "tagga.safety_margin",
                "tagget.base_url", "tagget.id",
            ],
            "\(result.problems)"
        )
        #expect(result.problems.map(\.line) == [2, 4, 5, 6, 6, 8, 9, 11, 13, 14])
        #expect(result.warnings.contains { $0.contains(#""ok" is listed twice"#) })
        let all = result.problems.map(\.description).joined(separator: "\n")
        #expect(!all.contains("pw-123"))
        #expect(!all.contains("has/slash"))
    }

    @Test func explicitOrEnvironmentPathsMustExist() throws {
        let directory = FileManager.default.temporaryDirectory
        let missing = directory.appendingPathComponent("nope-\(UUID().uuidString).toml").path
        let result = ConfigurationLoader.load(explicitPath: missing, environment: ConfigurationFixture.environment)
        #expect(result.configuration == nil)
        #expect(result.problems.count == 1)
        #expect(result.problems.first?.description.hasPrefix("\(missing): no such file (named by --config)") == true)

        var environment = ConfigurationFixture.environment
        environment["SWITCHBOARD_CONFIG"] = missing
        let fromEnvironment = ConfigurationLoader.load(explicitPath: nil, environment: environment)
        #expect(fromEnvironment.problems.first?.message.contains("$SWITCHBOARD_CONFIG") == true)
    }

    @Test func locateFollowsTheDocumentedOrder() {
        func locate(_ explicitPath: String?, _ extra: [String: String]) -> ConfigurationSource {
            let environment = ["HOME": "/home/u"].merging(extra) { $1 }
            return ConfigurationLoader.locate(explicitPath: explicitPath, environment: environment)
        }
        let everything = ["SWITCHBOARD_CONFIG": "~/b.toml", "XDG_CONFIG_HOME": "/x/"]
        #expect(locate("/a.toml", everything) == ConfigurationSource(path: "/a.toml", origin: .commandLine))
        #expect(locate(nil, everything) == ConfigurationSource(path: "/home/u/b.toml", origin: .environment))
        #expect(
            locate(nil, ["XDG_CONFIG_HOME": "/x/"])
                == ConfigurationSource(path: "/x/switchboard/config.toml", origin: .xdgConfigHome)
        )
        #expect(
            locate(nil, ["XDG_CONFIG_HOME": "relative"])
                == ConfigurationSource(path: "/home/u/.config/switchboard/config.toml", origin: .home)
        )
        #expect(locate(nil, [:]).origin == .home)
        #expect(!locate(nil, [:]).isRequired && locate("/a.toml", [:]).isRequired)
    }
}
