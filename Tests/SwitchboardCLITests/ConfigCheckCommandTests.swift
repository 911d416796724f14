import Foundation
import Testing

/// `switchboard config check` on real files.
@Suite struct ConfigCheckCommandTests {
    @Test func threeMistakesGiveThreeErrorsWithTheirLines() async throws {
        let directory = try SwitchboardBinary.temporaryDirectory()
        let file = directory.appendingPathComponent("config.toml")
        let text = """
            [tagga]
            apikey = "abc123"
            reply_window = "30x"
            taggs = ["HELP"]

            [tagget]
            rate = -1
            sendr = "Tagget"
            """
        try text.write(to: file, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
        let result = try await SwitchboardBinary.run(["config", "check", "--config", file.path])
        #expect(result.status == 2)
        let errors = result.stderr.split(separator: "\n").filter { $0.hasPrefix("error:") }
        #expect(errors.count == 3, "\(result.stderr)")
        #expect(errors.contains { $0.contains(":3:") && $0.contains("tagga.reply_window") })
        #expect(errors.contains { $0.contains(":7:") && $0.contains("tagget.rate") })
        #expect(errors.contains { $0.contains(":8:") && $0.contains("sender") })
        #expect(!result.stderr.contains("abc123"), "secrets are never printed")
    }

    @Test func validFileIsSummarisedWithoutSecrets() async throws {
        let directory = try SwitchboardBinary.temporaryDirectory()
        let file = directory.appendingPathComponent("config.toml")
        try "[tagga]\napikey = \"abc123\"\npasskey = \"321cba\"\n".write(to: file, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file.path)
        let result = try await SwitchboardBinary.run(["config", "check", "--config", file.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("chmod 600"), "a file readable by others gets a warning")
        #expect(!(result.stdout + result.stderr).contains("abc123"))
        #expect(!(result.stdout + result.stderr).contains("321cba"))
    }

    @Test func missingExplicitFileIsAnError() async throws {
        let result = try await SwitchboardBinary.run(["config", "check", "--config", "/nonexistent/switchboard.toml"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("/nonexistent/switchboard.toml"))
    }
}
