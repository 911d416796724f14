import SwitchboardText

/// The broadcast screen (`b`) between the inbox's header and its status bar: a title with the four steps, the
/// step's content, a message line and the step's keys.
enum BroadcastView {
    static func draw(_ state: ConsoleState, into screen: inout ScreenBuffer) {
        let layout = state.geometry.broadcast
        let mode = state.mode == .help ? state.helpReturnMode : state.mode
        drawTitle(mode, layout: layout, into: &screen)
        // Under the help overlay only the title shows (the step's lines would peek out at its edges).
        guard state.mode != .help else { return }
        switch mode {
        case .broadcastCompose: BroadcastComposeView.draw(state, layout: layout, into: &screen)
        case .broadcastReview: BroadcastReviewView.draw(state, layout: layout, into: &screen)
        case .broadcastProgress: BroadcastProgressView.draw(state, layout: layout, into: &screen)
        case .broadcastResults: BroadcastResultsView.draw(state, layout: layout, into: &screen)
        default: break
        }
        if let flash = state.flash {
            notice(flash.text, error: flash.isError, layout: layout, into: &screen)
        }
    }

    /// ` Broadcast` and the steps, the current one stressed, over a rule.
    private static func drawTitle(_ mode: ConsoleState.Mode, layout: BroadcastGeometry, into screen: inout ScreenBuffer)
    {
        screen.write(" Broadcast", x: 0, y: layout.titleRow, role: .title)
        let steps = ConsoleState.Mode.broadcastSteps
        let width = steps.map { CharacterWidth.of($0.title) }.reduce(0, +) + 3 * (steps.count - 1) + 1
        var x = layout.width - width
        for (index, step) in steps.enumerated() {
            if index > 0 { x += screen.write(" › ", x: x, y: layout.titleRow, role: .dim) }
            x += screen.write(step.title, x: x, y: layout.titleRow, role: step == mode ? .title : .dim)
        }
        screen.fill(x: 0, y: layout.ruleRow, count: layout.width, role: .border, with: "─")
    }

    /// The message line (an error stands out).
    static func notice(_ text: String, error: Bool, layout: BroadcastGeometry, into screen: inout ScreenBuffer) {
        let role: StyleRole = error ? .flashError : .flashInfo
        screen.fill(x: 0, y: layout.noticeRow, count: layout.width, role: role)
        screen.write(
            " " + TextLayout.truncate(TextSanitizer.lineSafe(text), to: layout.width - 2), x: 0, y: layout.noticeRow,
            role: role)
    }

    /// The step's keys, dim.
    static func hints(_ text: String, layout: BroadcastGeometry, into screen: inout ScreenBuffer) {
        screen.write(" " + TextLayout.truncate(text, to: layout.width - 2), x: 0, y: layout.hintRow, role: .dim)
    }

    /// ` Label       value`: a label column of `labelWidth`, then the value (already line-safe) in its role.
    @discardableResult
    static func row(
        _ label: String, _ value: String, y: Int, layout: BroadcastGeometry, role: StyleRole = .normal,
        into screen: inout ScreenBuffer
    ) -> Int {
        let x = screen.write(" " + TextLayout.pad(label, to: labelWidth), x: 0, y: y, role: .dim)
        return x + screen.write(TextLayout.truncate(value, to: layout.width - x - 1), x: x, y: y, role: role)
    }

    static let labelWidth = 14
}
