/// How one role is drawn: foreground and background colours plus attributes.
package struct ThemeStyle: Sendable, Hashable {
    package var foreground: ThemeColor
    package var background: ThemeColor
    package var bold: Bool
    package var underline: Bool
    package var reverse: Bool
    package var dim: Bool

    package init(
        foreground: ThemeColor = .terminalDefault, background: ThemeColor = .terminalDefault, bold: Bool = false,
        underline: Bool = false, reverse: Bool = false, dim: Bool = false
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.underline = underline
        self.reverse = reverse
        self.dim = dim
    }

    package init(
        foreground: ThemeColor = .terminalDefault, background: ThemeColor = .terminalDefault,
        modifiers: Set<ThemeModifier>
    ) {
        self.init(
            foreground: foreground, background: background, bold: modifiers.contains(.bold),
            underline: modifiers.contains(.underline), reverse: modifiers.contains(.reverse),
            dim: modifiers.contains(.dim))
    }

    /// The attributes that are switched on.
    package var modifiers: Set<ThemeModifier> {
        var result: Set<ThemeModifier> = []
        if bold { result.insert(.bold) }
        if underline { result.insert(.underline) }
        if reverse { result.insert(.reverse) }
        if dim { result.insert(.dim) }
        return result
    }
}
