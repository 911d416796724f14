/// One of the broadcast screen's fields: its text wrapped into rows (a line break shown as `⏎` and starting a new
/// row), sanitized, the rows around the cursor in view, the cursor cell marked when the field has the keyboard.
enum FieldView {
    static func draw(
        _ field: TextField, focused: Bool, x left: Int, y top: Int, width: Int, rows: Int,
        into screen: inout ScreenBuffer
    ) {
        guard width > 1, rows > 0 else { return }
        let characters = Array(field.text)
        // Lay out only what can show around the cursor: a pasted list of thousands of numbers costs no more.
        let reach = rows * width
        let start = max(0, field.cursor - reach)
        let end = min(characters.count, field.cursor + reach)
        var lines: [[(String, Int)]] = [[]]
        var used = 0
        for index in start..<end {
            let character = characters[index]
            if character == "\n" || character == "\r\n" {
                lines[lines.count - 1].append(("⏎", index))
                lines.append([])
                used = 0
                continue
            }
            let shown = TextSanitizer.lineSafe(String(character))
            let columns = max(1, CharacterWidth.of(shown))
            if used + columns > width - 1 {
                lines.append([])
                used = 0
            }
            lines[lines.count - 1].append((shown.isEmpty ? " " : shown, index))
            used += columns
        }
        let cursorLine =
            lines.firstIndex { line in line.contains { $0.1 == field.cursor } } ?? (lines.count - 1)
        let first = max(0, cursorLine - rows + 1)
        for (row, line) in lines.dropFirst(first).prefix(rows).enumerated() {
            var x = left
            let y = top + row
            for (character, index) in line {
                let role: StyleRole = focused && index == field.cursor ? .composeCursor : .composeText
                x += screen.write(character, x: x, y: y, role: role)
            }
            if focused, first + row == cursorLine, !line.contains(where: { $0.1 == field.cursor }) {
                screen.write(" ", x: x, y: y, role: .composeCursor)
            }
        }
    }
}
