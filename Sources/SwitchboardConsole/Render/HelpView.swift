/// The help overlay, generated from the key bindings.
enum HelpView {
    static func draw(_ state: ConsoleState, into screen: inout ScreenBuffer) {
        var lines: [(String, String)] = []
        for mode in [ConsoleState.Mode.inbox, .compose, .search] {
            lines.append(("", ""))
            lines.append((mode.title.uppercased(), ""))
            for binding in KeyBindings.all where binding.modes.contains(mode) {
                lines.append((binding.keys.map(\.description).joined(separator: " "), binding.help))
            }
        }
        lines.removeFirst()
        let keyWidth = 13
        let boxWidth = min(state.width - 2, 110)
        let boxHeight = min(state.height - 2, lines.count + 4)
        let left = (state.width - boxWidth) / 2
        let top = max(1, (state.height - boxHeight) / 2)
        for y in top..<(top + boxHeight) { screen.fill(x: left, y: y, count: boxWidth, role: .helpText) }
        screen.write(
            TextLayout.pad(" Keys — Esc, ? or q closes", to: boxWidth), x: left, y: top, role: .title)
        let columnHeight = boxHeight - 3
        let columns = (lines.count + columnHeight - 1) / max(1, columnHeight)
        let columnWidth = boxWidth / max(1, columns)
        for (index, line) in lines.enumerated() {
            let column = index / columnHeight
            let x = left + 1 + column * columnWidth
            let y = top + 2 + index % columnHeight
            if line.1.isEmpty {
                screen.write(line.0, x: x, y: y, role: .title, maxWidth: columnWidth - 1)
            } else {
                let keys = TextLayout.pad(line.0, to: keyWidth)
                let used = screen.write(keys, x: x, y: y, role: .helpKey)
                screen.write(line.1, x: x + used, y: y, role: .helpText, maxWidth: columnWidth - used - 2)
            }
        }
    }
}
