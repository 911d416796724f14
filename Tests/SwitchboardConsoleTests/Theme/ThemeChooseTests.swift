import Foundation
import Testing

@testable import SwitchboardConsole

/// `Theme.choose` honours NO_COLOR and colourless terminals and falls back to monochrome with a warning.
@Suite struct ThemeChooseTests {
    private let directories = [ThemeFixtures.shippedDirectory]

    @Test func noColorPicksMonochrome() {
        let (theme, warning) = Theme.choose(
            configured: "midnight", environment: ["NO_COLOR": "1"], colors: 256, searchDirectories: directories)
        #expect(theme == .monochrome)
        #expect(warning == nil)
    }

    @Test func emptyNoColorIsIgnored() {
        let (theme, warning) = Theme.choose(
            configured: "midnight", environment: ["NO_COLOR": ""], colors: 256, searchDirectories: directories)
        #expect(theme.name == "midnight")
        #expect(warning == nil)
    }

    @Test(arguments: [0, 1, 2, 7])
    func fewerThanEightColoursPicksMonochrome(colors: Int) {
        let (theme, warning) = Theme.choose(
            configured: "default", environment: [:], colors: colors, searchDirectories: directories)
        #expect(theme == .monochrome)
        #expect(warning == nil)
    }

    @Test(arguments: [8, 16, 256])
    func colourTerminalsGetTheConfiguredTheme(colors: Int) {
        let (theme, warning) = Theme.choose(
            configured: "daylight", environment: [:], colors: colors, searchDirectories: directories)
        #expect(theme.name == "daylight")
        #expect(warning == nil)
    }

    @Test func emptyConfigurationMeansDefault() {
        let (theme, _) = Theme.choose(configured: "", environment: [:], colors: 256, searchDirectories: directories)
        #expect(theme.name == "default")
    }

    @Test func missingThemeFallsBackWithAWarning() throws {
        let (theme, warning) = Theme.choose(
            configured: "solarized", environment: [:], colors: 256, searchDirectories: directories)
        #expect(theme == .monochrome)
        let text = try #require(warning)
        #expect(text.contains("solarized"))
        #expect(text.contains("monochrome"))
    }

    @Test func invalidThemeFallsBackWithAWarning() throws {
        try ThemeFixtures.withThemes(["bad.toml": "inherits = \"default\"\n\"ui.text\" = \"chartreuse\"\n"]) { dir in
            let (theme, warning) = Theme.choose(
                configured: "bad", environment: [:], colors: 256, searchDirectories: [dir] + directories)
            #expect(theme == .monochrome)
            #expect(warning?.contains("ui.text.fg = \"chartreuse\"") == true)
        }
    }
}
