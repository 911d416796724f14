import Foundation

extension Theme {
    /// Loads a theme file and everything it inherits. `nameOrPath` is a name (`midnight` finds the first
    /// `<dir>/midnight.toml` in `searchDirectories`) or, when it contains `/` or ends in `.toml`, a path.
    package static func load(named nameOrPath: String, searchDirectories: [URL]) throws(ThemeError) -> Theme {
        let file = try ThemeLocator.locate(nameOrPath, baseDirectory: nil, searchDirectories: searchDirectories)
        return try ThemeResolver.resolve(file: file, searchDirectories: searchDirectories)
    }
}
