import SwitchboardText

/// The help overlay, generated from the key bindings: one section per pane, sections kept whole in a column when
/// they fit, columns as wide as their longest line (cut only when the screen is narrower than the help).
enum HelpView {
    private typealias Line = (keys: String, help: String)
    private static let keyWidth = 13

    static func draw(_ state: ConsoleState, into screen: inout ScreenBuffer) {
        let modes: [ConsoleState.Mode] =
            state.helpReturnMode.isBroadcast ? ConsoleState.Mode.broadcastSteps : [.inbox, .compose, .search]
        // A binding shared by several panes (the cursor keys, `u`) is listed once, in the first of them.
        var shown: Set<Int> = []
        let sections: [[Line]] = modes.map { mode in
            [(mode.title.uppercased(), "")]
                + KeyBindings.all.indices.filter {
                    KeyBindings.all[$0].modes.contains(mode) && shown.insert($0).inserted
                }
                .map { index in
                    let binding = KeyBindings.all[index]
                    return (binding.keys.map(\.description).joined(separator: " "), binding.help)
                }
        }
        let boxWidth = state.width - 2
        let boxHeight = min(state.height - 2, sections.map(\.count).reduce(0, +) + sections.count + 3)
        let columnHeight = max(1, boxHeight - 3)
        let columns = pack(sections, height: columnHeight)
        let wanted = columns.map { column in column.map { keyWidth + CharacterWidth.of($0.help) + 2 }.max() ?? 0 }
        let total = wanted.reduce(0, +)
        let left = max(0, (state.width - min(boxWidth, total + 2)) / 2)
        let width = min(boxWidth, total + 2)
        let top = max(1, (state.height - boxHeight) / 2)
        for y in top..<(top + boxHeight) { screen.fill(x: left, y: y, count: width, role: .helpText) }
        screen.write(TextLayout.pad(" Keys — Esc, ? or q closes", to: width), x: left, y: top, role: .title)
        var x = left + 1
        for (index, column) in columns.enumerated() {
            // Columns share what the screen has in proportion to what they want.
            let columnWidth = total <= width - 2 ? wanted[index] : wanted[index] * (width - 2) / max(1, total)
            for (row, line) in column.enumerated() {
                let y = top + 2 + row
                if line.help.isEmpty {
                    screen.write(line.keys, x: x, y: y, role: .title, maxWidth: columnWidth - 1)
                } else {
                    let used = screen.write(TextLayout.pad(line.keys, to: keyWidth), x: x, y: y, role: .helpKey)
                    let help = TextLayout.truncate(line.help, to: columnWidth - used - 2)
                    screen.write(help, x: x + used, y: y, role: .helpText)
                }
            }
            x += columnWidth
        }
    }

    /// Fills columns of `height` lines with whole sections (a blank line between two in one column), splitting a
    /// section only when it is taller than a column.
    private static func pack(_ sections: [[Line]], height: Int) -> [[Line]] {
        var columns: [[Line]] = [[]]
        for section in sections {
            let needed = columns[columns.count - 1].isEmpty ? section.count : section.count + 1
            if columns[columns.count - 1].count + needed > height, !columns[columns.count - 1].isEmpty {
                columns.append([])
            }
            for line in section {
                if !columns[columns.count - 1].isEmpty, line.help.isEmpty {
                    columns[columns.count - 1].append(("", ""))
                }
                if columns[columns.count - 1].count >= height { columns.append([]) }
                columns[columns.count - 1].append(line)
            }
        }
        return columns
    }
}
