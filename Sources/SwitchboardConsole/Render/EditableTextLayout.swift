import SwitchboardText

/// Editable text laid out in rows for a cursor: each grapheme sanitized and measured, a line break shown as `⏎`
/// and starting a new row, a row wrapped one column short of `width` (room for the cursor after the last cell).
/// The reply pane and the broadcast fields share it.
enum EditableTextLayout {
    /// One row: each cell's text and the index of the grapheme it shows.
    typealias Row = [(text: String, index: Int)]

    /// The rows of `characters[range]`, and the row holding `cursor` (the last row when the cursor is at the end).
    static func rows(_ characters: [Character], range: Range<Int>, cursor: Int, width: Int) -> (
        rows: [Row], cursorRow: Int
    ) {
        var rows: [Row] = [[]]
        var used = 0
        for index in range {
            let character = characters[index]
            if character == "\n" || character == "\r\n" {
                rows[rows.count - 1].append(("⏎", index))
                rows.append([])
                used = 0
                continue
            }
            let shown = TextSanitizer.lineSafe(String(character))
            let columns = max(1, CharacterWidth.of(shown))
            if used + columns > width - 1 {
                rows.append([])
                used = 0
            }
            rows[rows.count - 1].append((shown.isEmpty ? " " : shown, index))
            used += columns
        }
        let cursorRow = rows.firstIndex { row in row.contains { $0.index == cursor } } ?? (rows.count - 1)
        return (rows, cursorRow)
    }
}
