import Foundation
import Testing

@testable import SwitchboardConsole

/// Where themes are looked for, in order.
@Suite struct ThemeDirectoriesTests {
    @Test func fullOrder() {
        let dirs = ThemeDirectories.standard(
            executablePath: "/opt/sb/a/b/c/d/e/bin/switchboard",
            environment: ["SWITCHBOARD_THEMES": "/custom:/more", "XDG_CONFIG_HOME": "/xdg", "HOME": "/home/op"])
        #expect(
            dirs.map(\.path) == [
                "/custom", "/more", "/xdg/switchboard/themes",
                "/opt/sb/a/b/c/d/e/bin/themes", "/opt/sb/a/b/c/d/e/themes", "/opt/sb/a/b/c/d/themes",
                "/opt/sb/a/b/c/themes", "/opt/sb/a/b/themes", "/opt/sb/a/themes",
                "/usr/local/share/switchboard/themes",
            ])
    }

    @Test func homeConfigWithoutXDGAndNoDuplicatesNearTheRoot() {
        let dirs = ThemeDirectories.standard(executablePath: "/sb/switchboard", environment: ["HOME": "/home/op"])
        #expect(
            dirs.map(\.path) == [
                "/home/op/.config/switchboard/themes", "/sb/themes", "/themes", "/usr/local/share/switchboard/themes",
            ])
    }

    @Test func swiftRunFromTheCheckoutFindsTheShippedThemes() throws {
        let packageRoot = ThemeFixtures.shippedDirectory.deletingLastPathComponent()
        let executable = packageRoot.appendingPathComponent(".build/x86_64-unknown-linux-gnu/debug/switchboard")
        let dirs = ThemeDirectories.standard(executablePath: executable.path, environment: [:])
        #expect(dirs.map(\.path).contains(ThemeFixtures.shippedDirectory.standardizedFileURL.path))
        let theme = try Theme.load(named: "midnight", searchDirectories: dirs)
        #expect(theme.name == "midnight")
    }
}
