import Foundation

/// Where theme files are looked for, first match wins.
package enum ThemeDirectories {
    /// How many parents of the executable's directory are searched for a `themes` folder.
    package static let parentLevels = 5

    /// In order: each directory in `$SWITCHBOARD_THEMES` (colon-separated); `$XDG_CONFIG_HOME/switchboard/themes`,
    /// or `$HOME/.config/switchboard/themes` when XDG_CONFIG_HOME is unset; `../share/switchboard/themes` from the
    /// executable's directory (symlinks resolved), where `./install` puts them under any PREFIX; a `themes` folder
    /// next to the executable and in each of its parents up to `parentLevels` levels up, so `swift run` from the
    /// package root finds the checkout's `themes/`; then `/usr/local/share/switchboard/themes`.
    package static func standard(executablePath: String, environment: [String: String]) -> [URL] {
        var directories: [URL] = []
        if let configured = environment["SWITCHBOARD_THEMES"], !configured.isEmpty {
            for path in configured.split(separator: ":") where !path.isEmpty {
                directories.append(URL(fileURLWithPath: String(path), isDirectory: true))
            }
        }
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            directories.append(
                URL(fileURLWithPath: xdg, isDirectory: true).appendingPathComponent("switchboard/themes"))
        } else if let home = environment["HOME"], !home.isEmpty {
            let config = URL(fileURLWithPath: home, isDirectory: true).appendingPathComponent(".config")
            directories.append(config.appendingPathComponent("switchboard/themes"))
        }
        if !executablePath.isEmpty {
            var directory = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath().deletingLastPathComponent()
            directories.append(
                directory.deletingLastPathComponent().appendingPathComponent(
                    "share/switchboard/themes", isDirectory: true))
            for _ in 0...parentLevels {
                directories.append(directory.appendingPathComponent("themes", isDirectory: true))
                let parent = directory.deletingLastPathComponent()
                if parent.path == directory.path { break }
                directory = parent
            }
        }
        directories.append(URL(fileURLWithPath: "/usr/local/share/switchboard/themes", isDirectory: true))

        var seen: Set<String> = []
        return directories.map(\.standardizedFileURL).filter { seen.insert($0.path).inserted }
    }
}
