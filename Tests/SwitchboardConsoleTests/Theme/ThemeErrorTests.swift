import Foundation
import Testing

@testable import SwitchboardConsole

/// A broken theme file fails with an error that names the file and the key.
@Suite struct ThemeErrorTests {
    private static let header = "inherits = \"default\"\n"

    private func error(for contents: String) throws -> ThemeError {
        let error = try ThemeFixtures.withThemes(["broken.toml": contents]) { directory in
            let file = directory.appendingPathComponent("broken.toml").path
            return ThemeFixtures.loadError(file, in: ThemeFixtures.shippedDirectory)
        }
        let found = try #require(error)
        #expect(found.description.contains("broken.toml"))
        return found
    }

    @Test func unknownRole() throws {
        let error = try error(for: Self.header + "\"inbox.selcted\" = { fg = \"red\" }\n")
        #expect(error == .unknownRole(file: Self.url(error), key: "inbox.selcted"))
        #expect(error.description.contains("\"inbox.selcted\""))
        #expect(error.description.contains("inbox.selected"))
    }

    @Test func unknownColourInARole() throws {
        let error = try error(for: Self.header + "\"counter.over\" = { fg = \"crimson\" }\n")
        #expect(error == .unknownColor(file: Self.url(error), key: "counter.over.fg", value: "crimson"))
        #expect(error.description.contains("counter.over.fg = \"crimson\""))
        #expect(error.description.contains("#rrggbb"))
    }

    @Test func unknownColourInThePalette() throws {
        let error = try error(for: Self.header + "[palette]\naccent = \"#12345\"\n")
        #expect(error == .unknownColor(file: Self.url(error), key: "palette.accent", value: "#12345"))
    }

    @Test func badModifier() throws {
        let error = try error(for: Self.header + "\"help.key\" = { modifiers = [\"bold\", \"blink\"] }\n")
        #expect(error == .badModifier(file: Self.url(error), key: "help.key.modifiers", value: "blink"))
        #expect(error.description.contains("\"blink\""))
        #expect(error.description.contains("bold, underline, reverse, dim"))
    }

    @Test func unknownFieldInARole() throws {
        let error = try error(for: Self.header + "\"help.key\" = { foreground = \"red\" }\n")
        #expect(error.description.contains("help.key.foreground"))
    }

    @Test func invalidTOMLGivesTheLine() throws {
        let error = try error(for: Self.header + "\"help.key\" = { fg = \n")
        guard case .invalidTOML(_, _, let line, _) = error else {
            Issue.record("expected invalid TOML, got \(error)")
            return
        }
        #expect(line == 2)
    }

    @Test func missingFileListsWhereItLooked() {
        let directory = URL(fileURLWithPath: "/nonexistent/themes")
        let error = ThemeFixtures.loadError("solarized", in: directory)
        #expect(error == .missingFile(name: "solarized", searched: [directory]))
        #expect(error?.description.contains("solarized.toml in /nonexistent/themes") == true)
    }

    @Test func missingPathIsReportedAsAPath() {
        let error = ThemeFixtures.loadError("/nonexistent/mine.toml", in: ThemeFixtures.shippedDirectory)
        #expect(error?.description.contains("theme file /nonexistent/mine.toml not found") == true)
    }

    private static func url(_ error: ThemeError) -> URL {
        switch error {
        case .unknownRole(let file, _), .unknownColor(let file, _, _), .badModifier(let file, _, _):
            file
        default:
            URL(fileURLWithPath: "/")
        }
    }
}
