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
                "/custom", "/more", "/xdg/switchboard/themes", "/opt/sb/a/b/c/d/e/share/switchboard/themes",
                "/opt/sb/a/b/c/d/e/bin/themes", "/opt/sb/a/b/c/d/e/themes", "/opt/sb/a/b/c/d/themes",
                "/opt/sb/a/b/c/themes", "/opt/sb/a/b/themes", "/opt/sb/a/themes",
                "/usr/local/share/switchboard/themes",
            ])
    }

    @Test func homeConfigWithoutXDGAndNoDuplicatesNearTheRoot() {
        let dirs = ThemeDirectories.standard(executablePath: "/sb/switchboard", environment: ["HOME": "/home/op"])
        #expect(
            dirs.map(\.path) == [
                "/home/op/.config/switchboard/themes", "/share/switchboard/themes", "/sb/themes", "/themes",
                "/usr/local/share/switchboard/themes",
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

    /// `./install` puts the binary in `PREFIX/bin` and the themes in `PREFIX/share/switchboard/themes`; a symlink to
    /// the binary elsewhere (`~/bin/switchboard`) finds them too.
    @Test func anInstallUnderAnyPrefixFindsItsThemes() throws {
        let prefix = FileManager.default.temporaryDirectory
            .appendingPathComponent("switchboard-prefix-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: prefix) }
        let bin = prefix.appendingPathComponent("bin")
        let themes = prefix.appendingPathComponent("share/switchboard/themes")
        let links = prefix.appendingPathComponent("elsewhere")
        for directory in [bin, themes, links] {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        }
        let binary = bin.appendingPathComponent("switchboard")
        _ = FileManager.default.createFile(atPath: binary.path, contents: Data())
        for name in ThemeFixtures.shippedNames {
            try FileManager.default.copyItem(
                at: ThemeFixtures.shippedDirectory.appendingPathComponent("\(name).toml"),
                to: themes.appendingPathComponent("\(name).toml"))
        }
        let link = links.appendingPathComponent("switchboard")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: binary)

        for executable in [binary, link] {
            let dirs = ThemeDirectories.standard(executablePath: executable.path, environment: [:])
            #expect(dirs.first?.path == themes.resolvingSymlinksInPath().standardizedFileURL.path)
            #expect(try Theme.load(named: "midnight", searchDirectories: dirs).name == "midnight")
        }
    }
}
