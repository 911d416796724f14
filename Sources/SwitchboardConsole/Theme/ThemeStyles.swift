import Foundation

/// Picks the console's styles from the configured theme once the terminal's colour count is known: the
/// configured theme file, or the built-in monochrome theme for `NO_COLOR`, a terminal without colours, or a theme
/// that cannot be loaded (with a warning).
package enum ThemeStyles {
    package static func chooser(_ themeName: String) -> ConsoleRuntime.StyleChooser {
        let environment = ProcessInfo.processInfo.environment
        let directories = ThemeDirectories.standard(
            executablePath: Bundle.main.executablePath ?? CommandLine.arguments[0], environment: environment)
        return { colors in
            let (theme, warning) = Theme.choose(
                configured: themeName, environment: environment, colors: colors, searchDirectories: directories)
            return (theme.cellStyles(colors: colors), warning)
        }
    }
}
