import Foundation

extension Theme {
    /// The theme to draw with. The built-in `monochrome` wins when `NO_COLOR` is set to anything non-empty
    /// (no-color.org) or the terminal has fewer than 8 colours; otherwise the configured theme (an empty value
    /// means `default`) is loaded, and if it is missing or invalid the monochrome theme is used with a warning.
    package static func choose(
        configured: String, environment: [String: String], colors: Int, searchDirectories: [URL]
    ) -> (Theme, warning: String?) {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return (.monochrome, nil) }
        if colors < 8 { return (.monochrome, nil) }
        let name = configured.isEmpty ? "default" : configured
        do {
            return (try load(named: name, searchDirectories: searchDirectories), nil)
        } catch {
            return (.monochrome, "\(error.description); using the built-in monochrome theme")
        }
    }
}
