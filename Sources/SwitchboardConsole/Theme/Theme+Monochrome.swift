extension Theme {
    /// The built-in theme without colours, used when `NO_COLOR` is set, the terminal has no colours, or the
    /// configured theme cannot be loaded. Only attributes tell roles apart: reverse for selection and bars, bold
    /// for what needs attention now, underline for what will soon, dim for what is over. `themes/mono.toml` is the
    /// same theme as a file.
    package static let monochrome = Theme(name: "mono") { role in
        ThemeStyle(modifiers: monochromeModifiers(role))
    }

    private static func monochromeModifiers(_ role: StyleRole) -> Set<ThemeModifier> {
        switch role {
        case .normal, .inboxRow, .countdownCalm, .counterOK, .composeText, .helpText: []
        case .dim, .border, .stateReplied, .stateClosed, .countdownExpired, .progressTodo: [.dim]
        case .title, .stateReplying, .countdownUrgent, .flashInfo, .helpKey, .progressDone: [.bold]
        case .inboxTagg, .countdownSoon, .stateUnknown: [.underline]
        case .header, .statusBar, .statusGood, .inboxSelected, .composeCursor: [.reverse]
        case .headerCount, .countdownCritical, .counterOver, .flashError: [.bold, .reverse]
        case .counterOffender: [.underline, .reverse]
        case .statusBad: [.bold, .underline, .reverse]
        }
    }
}
