import SwitchboardConsole
import SwitchboardText

/// What the console's screen must look like whatever the texts on it say, read from `tmux capture-pane -p`:
/// every row within the width, the header on row 0 and the status bar on the last row, the STATUS column at the
/// same column on every inbox row, nothing that could steer a terminal. Columns are counted as the terminal counts
/// them (`wcwidth` of a cell's first code point; tmux leaves the right half of a wide character out of a capture).
struct ConsoleScreenCheck {
    var width: Int
    var height: Int
    var port: Int

    /// What is wrong with `capture`, one line each (empty when it is right).
    func problems(_ capture: String) -> [String] {
        var problems: [String] = []
        var rows = capture.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if rows.last == "" { rows.removeLast() }
        guard rows.count == height else { return ["\(rows.count) rows, expected \(height)"] }
        for (index, row) in rows.enumerated() {
            let columns = CharacterWidth.of(row)
            if columns > width { problems.append("row \(index) is \(columns) columns wide: \(row)") }
            if let scalar = row.unicodeScalars.first(where: Self.steersATerminal) {
                problems.append("row \(index) holds U+\(String(scalar.value, radix: 16, uppercase: true)): \(row)")
            }
        }
        if !rows[0].hasPrefix(" Switchboard ") || !rows[0].contains("[pending]") {
            problems.append("header broken: \(rows[0])")
        }
        if !rows[height - 1].contains("receiving 127.0.0.1:\(port)") {
            problems.append("status bar broken: \(rows[height - 1])")
        }
        guard rows[1].hasPrefix(" LEFT    TAGG    ID            MESSAGE") else {
            return problems + ["column titles broken: \(rows[1])"]
        }
        // The STATUS column is the last 16 (InboxListView.statusWidth); "a–b of n" may cover its title.
        let statusColumn = width - 16
        // The inbox rows, between the titles and the rule above the detail pane (ConsoleRenderer.Layout).
        let separator = height - 2 - max(8, height / 3)
        for index in 2..<separator where Self.isInboxRow(rows[index]) {
            let cells = Self.cells(rows[index])
            let aligned =
                statusColumn < cells.count && cells[statusColumn] != " " && cells[statusColumn - 1] == " "
            if !aligned { problems.append("row \(index): STATUS not at column \(statusColumn): \(rows[index])") }
        }
        return problems
    }

    /// Whether `row` is an inbox row: the selection mark, then a countdown, ✓ or —.
    private static func isInboxRow(_ row: String) -> Bool {
        row.firstMatch(of: #/^[▶ ](\d+:)?\d\d:\d\d|^[▶ ][✓—][ ]/#) != nil
    }

    /// The row as one string per column: a wide character, then "" for its right half.
    static func cells(_ row: String) -> [String] {
        var cells: [String] = []
        for character in row {
            let columns = CharacterWidth.of(character)
            if columns == 0 { continue }
            cells.append(String(character))
            if columns == 2 { cells.append("") }
        }
        return cells
    }

    /// The column `text` starts at in `row`.
    static func column(of text: String, in row: String) -> Int? {
        guard let range = row.range(of: text) else { return nil }
        return CharacterWidth.of(String(row[..<range.lowerBound]))
    }

    /// C0 and C1 controls, DEL, and the bidi controls: none of them may reach a terminal cell.
    static func steersATerminal(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: true
        default: false
        }
    }
}

extension ConsoleScreenCheck {
    /// What is wrong with `capture-pane -e -p`'s escapes: tmux writes the cells' attributes back as SGR sequences,
    /// so any other sequence, or a blinking or hidden cell (which the console never draws), came from a text.
    static func escapeProblems(_ capture: String) -> [String] {
        var problems: [String] = []
        var rest = Substring(capture)
        while let escape = rest.firstIndex(of: "\u{1B}") {
            let sequence = rest[escape...].prefix(40)
            guard let match = sequence.prefixMatch(of: /\x{1B}\[([0-9;:]*)m/) else {
                problems.append("not an SGR: \(sequence.debugDescription)")
                rest = rest[rest.index(after: escape)...]
                continue
            }
            let parameters = match.1.split(separator: ";").map { Int($0.prefix { $0.isNumber }) ?? 0 }
            var index = 0
            while index < parameters.count {
                switch parameters[index] {
                case 38, 48, 58: index += parameters.dropFirst(index + 1).first == 2 ? 5 : 3
                case 5, 6, 8:
                    problems.append("attribute \(parameters[index]) in \(match.0.debugDescription)")
                    index += 1
                default: index += 1
                }
            }
            rest = rest[match.range.upperBound...]
        }
        return problems
    }
}

extension ConsoleScreenCheck {
    /// The id of the text the detail pane shows (its first row: `tagg · id · received …`).
    func selectedID(_ capture: String) -> String? {
        let rows = capture.split(separator: "\n", omittingEmptySubsequences: false)
        let paneTop = height - 2 - max(8, height / 3) + 1
        guard paneTop < rows.count else { return nil }
        let parts = rows[paneTop].components(separatedBy: " · ")
        guard parts.count > 2, parts[2].hasPrefix("received") else { return nil }
        return parts[1]
    }
}
