import SwitchboardText

/// Draws the whole state into a fresh frame: pure, no terminal. The backend diffs it against the last frame. Where
/// each part goes is the state's ``ConsoleState/geometry``, worked out when the size changed.
package enum ConsoleRenderer {
    package static func render(_ state: ConsoleState) -> ScreenBuffer {
        var screen = ScreenBuffer(width: state.width, height: state.height)
        guard !state.geometry.isTooSmall else {
            drawTooSmall(state, into: &screen)
            return screen
        }
        let layout = state.geometry.inbox
        let inbox = InboxSnapshot(state)
        HeaderView.draw(state, inbox: inbox, into: &screen)
        if state.mode.isBroadcast || (state.mode == .help && state.helpReturnMode.isBroadcast) {
            BroadcastView.draw(state, into: &screen)
            StatusBarView.draw(state, inbox: inbox, row: layout.statusRow, into: &screen)
            if state.mode == .help { HelpView.draw(state, into: &screen) }
            return screen
        }
        InboxListView.draw(state, inbox: inbox, layout: layout, into: &screen)
        drawSeparator(state, row: layout.separator, into: &screen)
        switch state.mode {
        case .compose, .cannedPrompt: ComposeView.draw(state, layout: layout, into: &screen)
        case .cannedPicker: CannedPickerView.draw(state, layout: layout, into: &screen)
        default: DetailView.draw(state, selected: inbox.selected, layout: layout, into: &screen)
        }
        StatusBarView.draw(state, inbox: inbox, row: layout.statusRow, into: &screen)
        if state.mode == .help { HelpView.draw(state, into: &screen) }
        return screen
    }

    private static func drawSeparator(_ state: ConsoleState, row: Int, into screen: inout ScreenBuffer) {
        if let flash = state.flash {
            screen.fill(x: 0, y: row, count: state.width, role: flash.isError ? .flashError : .flashInfo)
            screen.write(
                " " + TextSanitizer.lineSafe(flash.text), x: 0, y: row,
                role: flash.isError ? .flashError : .flashInfo)
        } else {
            screen.fill(x: 0, y: row, count: state.width, role: .border, with: "─")
            if let (text, role) = broadcastStatus(state) {
                screen.write(" \(text) ", x: state.width - CharacterWidth.of(text) - 4, y: row, role: role)
            }
        }
    }

    /// The broadcast sending in the background (`broadcast 40% · b`), or one that ended and is not looked at yet.
    static func broadcastStatus(_ state: ConsoleState) -> (String, StyleRole)? {
        guard let run = state.broadcastRun else { return nil }
        let percent = "\(Int((run.fraction * 100).rounded(.down)))%"
        if !run.isOver { return ("broadcast \(run.paused ? "paused at " : "")\(percent) · b", .statusGood) }
        guard !run.resultsSeen else { return nil }
        return ("broadcast \(run.endWord) · b", run.failure == nil ? .flashInfo : .flashError)
    }

    private static func drawTooSmall(_ state: ConsoleState, into screen: inout ScreenBuffer) {
        let lines = [
            "Terminal too small: \(state.width)×\(state.height).",
            "Switchboard needs at least \(ScreenGeometry.minimumWidth)×\(ScreenGeometry.minimumHeight).",
            "Enlarge the window, or press q to quit.",
        ]
        let top = max(0, state.height / 2 - 1)
        for (offset, line) in lines.enumerated() {
            let x = max(0, (state.width - CharacterWidth.of(line)) / 2)
            screen.write(line, x: x, y: top + offset, role: offset == 0 ? .flashError : .normal)
        }
    }
}
