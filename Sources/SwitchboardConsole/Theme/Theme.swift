/// A complete theme: a style for every `StyleRole`. Build one with `Theme.load(named:searchDirectories:)` from
/// `themes/*.toml`, take the built-in `Theme.monochrome`, or let `Theme.choose(...)` decide.
package struct Theme: Sendable, Hashable {
    package let name: String
    package let styles: [StyleRole: ThemeStyle]

    /// Builds a theme from a total function, so no role can be left without a style.
    package init(name: String, style: (StyleRole) -> ThemeStyle) {
        self.name = name
        var styles: [StyleRole: ThemeStyle] = [:]
        for role in StyleRole.allCases {
            styles[role] = style(role)
        }
        self.styles = styles
    }

    package subscript(role: StyleRole) -> ThemeStyle {
        styles[role] ?? ThemeStyle()
    }

    /// The role's style as the terminal draws it with `colors` colours.
    package func cellStyle(for role: StyleRole, colors: Int) -> CellStyle {
        self[role].cellStyle(colors: colors)
    }

    /// Every role's style as the terminal draws it with `colors` colours.
    package func cellStyles(colors: Int) -> [StyleRole: CellStyle] {
        styles.mapValues { $0.cellStyle(colors: colors) }
    }
}
