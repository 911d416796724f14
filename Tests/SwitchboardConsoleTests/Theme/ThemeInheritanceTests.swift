import Foundation
import Testing

@testable import SwitchboardConsole

/// `inherits` merges palettes and roles, resolves palette names after merging, and refuses cycles.
@Suite struct ThemeInheritanceTests {
    @Test func childOverridesPaletteAndRolesAndKeepsTheRest() throws {
        let child = """
            inherits = "default"
            "inbox.selected" = { fg = "white", bg = "blue", modifiers = ["underline"] }

            [palette]
            green = "#00ff00"
            """
        try ThemeFixtures.withThemes(["child.toml": child]) { directory in
            let dirs = [directory, ThemeFixtures.shippedDirectory]
            let parent = try Theme.load(named: "default", searchDirectories: dirs)
            let theme = try Theme.load(named: "child", searchDirectories: dirs)
            #expect(theme.name == "child")
            #expect(
                theme[.inboxSelected]
                    == ThemeStyle(foreground: .ansi(.white), background: .ansi(.blue), underline: true))
            // The parent's role written with the palette name picks up the child's colour.
            #expect(theme[.countdownCalm].foreground == .rgb(red: 0, green: 255, blue: 0))
            #expect(parent[.countdownCalm].foreground != theme[.countdownCalm].foreground)
            #expect(theme[.counterOver] == parent[.counterOver])
        }
    }

    @Test func inheritedNamesAreFoundNextToTheInheritingFileFirst() throws {
        let base = Self.complete(modifiers: "[\"bold\"]")
        try ThemeFixtures.withThemes(["base.toml": base, "leaf.toml": "inherits = \"base\"\n"]) { directory in
            let theme = try Theme.load(named: directory.appendingPathComponent("leaf.toml").path, searchDirectories: [])
            #expect(theme[.normal].bold)
        }
    }

    @Test func aCycleIsAnErrorNamingTheFiles() throws {
        let files = ["a.toml": "inherits = \"b\"\n", "b.toml": "inherits = \"c\"\n", "c.toml": "inherits = \"a\"\n"]
        try ThemeFixtures.withThemes(files) { directory in
            let error = try #require(ThemeFixtures.loadError("a", in: directory))
            guard case .inheritsCycle(let chain) = error else {
                Issue.record("expected a cycle, got \(error)")
                return
            }
            #expect(chain.map(\.lastPathComponent) == ["a.toml", "b.toml", "c.toml", "a.toml"])
            #expect(error.description.contains("cycle"))
        }
    }

    @Test func aThemeThatInheritsItselfIsACycle() throws {
        try ThemeFixtures.withThemes(["self.toml": "inherits = \"self\"\n"]) { directory in
            let error = ThemeFixtures.loadError("self", in: directory)
            #expect(error.map { if case .inheritsCycle = $0 { true } else { false } } == true)
        }
    }

    @Test func rolesLeftUndefinedAreAnErrorNotAFallback() throws {
        try ThemeFixtures.withThemes(["bare.toml": "\"ui.text\" = { fg = \"white\" }\n"]) { directory in
            let error = try #require(ThemeFixtures.loadError("bare", in: directory))
            guard case .missingRoles(let file, let roles) = error else {
                Issue.record("expected missing roles, got \(error)")
                return
            }
            #expect(file.lastPathComponent == "bare.toml")
            #expect(roles.count == StyleRole.allCases.count - 1)
            #expect(roles.contains("countdown.urgent"))
            #expect(error.description.contains("inherits = \"default\""))
        }
    }

    @Test func aMissingParentIsAMissingFile() throws {
        try ThemeFixtures.withThemes(["orphan.toml": "inherits = \"nowhere\"\n"]) { directory in
            let error = ThemeFixtures.loadError("orphan", in: directory)
            #expect(error?.description.contains("theme \"nowhere\" not found") == true)
        }
    }

    /// A theme file giving every role the same modifiers.
    static func complete(modifiers: String) -> String {
        StyleRole.allCases.map { "\"\($0.rawValue)\" = { modifiers = \(modifiers) }" }.joined(separator: "\n")
    }
}
