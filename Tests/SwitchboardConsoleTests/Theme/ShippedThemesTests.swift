import Foundation
import Testing

@testable import SwitchboardConsole

/// Every theme in `themes/` loads and gives every role an explicit style.
@Suite struct ShippedThemesTests {
    @Test func theThemesFolderHoldsExactlyTheKnownThemes() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: ThemeFixtures.shippedDirectory.path)
        let names = files.filter { $0.hasSuffix(".toml") }.map { String($0.dropLast(5)) }
        #expect(Set(names) == Set(ThemeFixtures.shippedNames))
    }

    @Test(arguments: ThemeFixtures.shippedNames)
    func loadsWithEveryRole(name: String) throws {
        let theme = try Theme.load(named: name, searchDirectories: [ThemeFixtures.shippedDirectory])
        #expect(theme.name == name)
        #expect(Set(theme.styles.keys) == Set(StyleRole.allCases))
    }

    @Test func monoFileMatchesTheBuiltInMonochromeTheme() throws {
        let mono = try Theme.load(named: "mono", searchDirectories: [ThemeFixtures.shippedDirectory])
        #expect(mono == Theme.monochrome)
        for role in StyleRole.allCases {
            #expect(mono[role].foreground == .terminalDefault, "\(role.rawValue)")
            #expect(mono[role].background == .terminalDefault, "\(role.rawValue)")
        }
    }

    static let countdownRoles: [StyleRole] = [
        .countdownCalm, .countdownSoon, .countdownUrgent, .countdownCritical, .countdownExpired,
    ]

    /// Urgency must be visible on 256-colour terminals, on 8-colour terminals and in the theme's own terms.
    @Test(arguments: ThemeFixtures.shippedNames)
    func countdownRolesAreDistinct(name: String) throws {
        let theme = try Theme.load(named: name, searchDirectories: [ThemeFixtures.shippedDirectory])
        let styles = Self.countdownRoles.map { theme[$0] }
        #expect(Set(styles).count == Self.countdownRoles.count)
        for colors in [256, 8] {
            let cells = Self.countdownRoles.map { theme.cellStyle(for: $0, colors: colors) }
            #expect(Set(cells).count == Self.countdownRoles.count, "\(name) with \(colors) colours")
        }
    }

    @Test(arguments: ThemeFixtures.colourNames)
    func colourThemesTellCountdownsApartByColour(name: String) throws {
        let theme = try Theme.load(named: name, searchDirectories: [ThemeFixtures.shippedDirectory])
        let colours = Self.countdownRoles.map { role in
            [theme[role].foreground.xterm256, theme[role].background.xterm256]
        }
        #expect(Set(colours).count == Self.countdownRoles.count)
    }
}
