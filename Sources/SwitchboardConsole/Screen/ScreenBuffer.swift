import SwitchboardText

/// One cell of the screen: a grapheme (or "" when the cell is covered by the wide character before it) and the
/// role it is drawn in.
package struct Cell: Sendable, Hashable {
    package var text: String
    package var role: StyleRole

    package init(_ text: String = " ", role: StyleRole = .normal) {
        self.text = text
        self.role = role
    }

    /// The right half of a wide character.
    package var isContinuation: Bool { text.isEmpty }
}

/// A frame: a grid of cells the renderer draws into and the backend diffs against the previous one. Tests read it
/// back as literal lines (the model is ratatui's `Buffer`).
package struct ScreenBuffer: Sendable, Hashable {
    package let width: Int
    package let height: Int
    package private(set) var cells: [Cell]

    package init(width: Int, height: Int, fill: Cell = Cell()) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: fill, count: self.width * self.height)
    }

    package subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Writes sanitized `text` from column `x` of row `y`, at most `maxWidth` columns (default: to the edge);
    /// a wide character that would not fit whole is replaced by spaces. Returns the columns used.
    @discardableResult
    package mutating func write(_ text: String, x: Int, y: Int, role: StyleRole, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(width, x + (maxWidth ?? width))
        var column = max(0, x)
        if CharacterWidth.isPrintableASCII(text) {
            // One column per byte: no grapheme breaking, no width lookups.
            for byte in text.utf8 {
                guard column < limit else { break }
                put(Cell(Self.asciiCells[Int(byte) - 0x20], role: role), x: column, y: y)
                column += 1
            }
            return column - max(0, x)
        }
        for character in text {
            let columns = CharacterWidth.of(character)
            if columns == 0 {
                // A combining mark or joiner with nothing before it in this write: it has nothing to attach to.
                continue
            }
            if column + columns > limit {
                while column < limit {
                    put(Cell(" ", role: role), x: column, y: y)
                    column += 1
                }
                break
            }
            put(Cell(CharacterWidth.drawable(character), role: role), x: column, y: y)
            if columns == 2 { put(Cell("", role: role), x: column + 1, y: y) }
            column += columns
        }
        return column - max(0, x)
    }

    /// The printable ASCII characters as one-character strings, made once.
    private static let asciiCells: [String] = (0x20..<0x7F).map { String(UnicodeScalar(UInt8($0))) }

    /// Fills columns `x..<x+count` of row `y` with `character` (a space unless told; one column wide) in `role`.
    package mutating func fill(x: Int, y: Int, count: Int, role: StyleRole, with character: Character = " ") {
        let start = max(0, x)
        let end = min(width, x + count)
        guard y >= 0, y < height, start < end else { return }
        let cell = Cell(String(character), role: role)
        for column in start..<end { put(cell, x: column, y: y) }
    }

    /// Puts one cell, first blanking what would be left of a wide character it cuts in half: its left half when
    /// the cell was a right half, its right half when the cell held one. Otherwise the row would lose or gain a
    /// column where a write overlaps a wide character (found by fuzzing: a 40-column row measured 41).
    private mutating func put(_ cell: Cell, x: Int, y: Int) {
        if x > 0, self[x, y].isContinuation { self[x - 1, y] = Cell(" ", role: self[x - 1, y].role) }
        if x + 1 < width, self[x + 1, y].isContinuation {
            self[x + 1, y] = Cell(" ", role: self[x + 1, y].role)
        }
        self[x, y] = cell
    }

    /// Row `y` as text (wide characters once, trailing spaces kept).
    package func line(_ y: Int) -> String {
        (0..<width).map { self[$0, y] }.filter { !$0.isContinuation }.map(\.text).joined()
    }

    /// Every row as text, for tests.
    package var lines: [String] { (0..<height).map(line) }

    /// The cells to write to go from `previous` to this frame (every cell when there is no previous frame of the
    /// same size), skipping the right halves of wide characters.
    package func changes(since previous: ScreenBuffer?) -> [(x: Int, y: Int, cell: Cell)] {
        let full = previous == nil || previous?.width != width || previous?.height != height
        var changed: [(x: Int, y: Int, cell: Cell)] = []
        for y in 0..<height {
            for x in 0..<width {
                let cell = self[x, y]
                if cell.isContinuation { continue }
                if !full, let previous, previous.cells[y * width + x] == cell { continue }
                changed.append((x, y, cell))
            }
        }
        return changed
    }

    /// Row `y`'s roles, one per column, for asserting styles in tests.
    package func roles(_ y: Int) -> [StyleRole] { (0..<width).map { self[$0, y].role } }
}
