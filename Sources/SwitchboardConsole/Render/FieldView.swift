import SwitchboardText

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
        let (lines, cursorLine) = EditableTextLayout.rows(
            characters, range: start..<end, cursor: field.cursor, width: width)
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

    /// A one-line field (the reply picker's filter, a prompt's value) with its cursor: as wide as its text and the
    /// cursor cell, at most `width`; returns the columns used.
    @discardableResult
    static func drawLine(_ field: TextField, x: Int, y: Int, width: Int, into screen: inout ScreenBuffer) -> Int {
        let used = max(2, min(width, CharacterWidth.of(TextSanitizer.lineSafe(field.text)) + 1))
        draw(field, focused: true, x: x, y: y, width: used, rows: 1, into: &screen)
        return used
    }
}
