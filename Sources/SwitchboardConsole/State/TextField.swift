/// One editable field of the broadcast screen: its text and a cursor between graphemes. Editing never splits a
/// grapheme (an emoji, a flag, a letter with its accents), as in the reply pane.
package struct TextField: Sendable, Hashable {
    package private(set) var text: String
    /// The cursor, in graphemes from the start.
    package private(set) var cursor: Int
    /// Graphemes in `text`, kept so that appending (a long paste) does not count the whole text each time.
    package private(set) var count: Int

    package init(_ text: String = "") {
        self.text = text
        count = text.count
        cursor = count
    }

    package var isEmpty: Bool { text.isEmpty }

    package mutating func insert(_ character: Character) {
        var characters = Array(text)
        let before = String(characters[..<cursor]) + String(character)
        characters.insert(character, at: cursor)
        text = String(characters)
        count = text.count
        // Inserting can merge with a neighbour into one grapheme (a combining mark, a joiner): recount.
        cursor = min(before.count, count)
    }

    /// Types at the cursor; at the end (a paste arrives one character at a time) without recounting the text.
    package mutating func type(_ character: Character) {
        guard cursor == count else { return insert(character) }
        // The new character may join the last grapheme (a combining mark, a joiner, a second regional indicator).
        let merges = text.last.map { (String($0) + String(character)).count == 1 } ?? false
        text.append(character)
        if !merges { count += 1 }
        cursor = count
    }

    package mutating func backspace() {
        guard cursor > 0 else { return }
        var characters = Array(text)
        characters.remove(at: cursor - 1)
        text = String(characters)
        count = text.count
        cursor = min(cursor - 1, count)
    }

    package mutating func deleteForward() {
        guard cursor < count else { return }
        var characters = Array(text)
        characters.remove(at: cursor)
        text = String(characters)
        count = text.count
        cursor = min(cursor, count)
    }

    package mutating func moveLeft() { cursor = max(0, cursor - 1) }
    package mutating func moveRight() { cursor = min(count, cursor + 1) }
    package mutating func moveHome() { cursor = 0 }
    package mutating func moveEnd() { cursor = count }
}
