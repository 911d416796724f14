extension ThemeStyle {
    /// The style as the terminal draws it: colour numbers for a terminal with `colors` colours (xterm 256-colour
    /// indices from 256 up, the nearest basic colour below that) and the same attributes.
    package func cellStyle(colors: Int) -> CellStyle {
        CellStyle(
            foreground: foreground.index(colors: colors), background: background.index(colors: colors), bold: bold,
            underline: underline, reverse: reverse, dim: dim)
    }
}
