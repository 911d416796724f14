import Foundation

@testable import SwitchboardConsole

/// The checkout's `themes/` folder and scratch folders for theme files written by a test.
enum ThemeFixtures {
    static let shippedDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Theme
        .deletingLastPathComponent()  // SwitchboardConsoleTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
        .appendingPathComponent("themes", isDirectory: true)

    static let shippedNames = ["default", "midnight", "daylight", "high-contrast", "mono"]

    /// The shipped themes that use colours.
    static let colourNames = ["default", "midnight", "daylight", "high-contrast"]

    /// Writes `files` (name → contents) into a fresh temporary folder, runs `body` with it, then removes it.
    static func withThemes<T>(_ files: [String: String], _ body: (URL) throws -> T) throws -> T {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("switchboard-themes-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for (name, contents) in files {
            try contents.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return try body(directory)
    }

    /// Loads `name` and returns the error it fails with, or nil if it loads.
    static func loadError(_ name: String, in directory: URL) -> ThemeError? {
        do {
            _ = try Theme.load(named: name, searchDirectories: [directory])
            return nil
        } catch {
            return error
        }
    }
}
