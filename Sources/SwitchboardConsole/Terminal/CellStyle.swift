/// How a role looks on this terminal: colour numbers (-1 for the terminal's default) and attributes.
package struct CellStyle: Sendable, Hashable {
    package var foreground: Int16 = -1
    package var background: Int16 = -1
    package var bold = false
    package var underline = false
    package var reverse = false
    package var dim = false

    package init(
        foreground: Int16 = -1, background: Int16 = -1, bold: Bool = false, underline: Bool = false,
        reverse: Bool = false, dim: Bool = false
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.underline = underline
        self.reverse = reverse
        self.dim = dim
    }
}
