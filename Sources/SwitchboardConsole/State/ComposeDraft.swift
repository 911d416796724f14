import SwitchboardEngine

/// The reply being written: its text, a cursor between graphemes, and the `paid` flag. Editing never splits a
/// grapheme (an emoji, a flag, a letter with its accents): backspace removes one whole.
package struct ComposeDraft: Sendable, Hashable {
    package var transactionID: String
    package private(set) var text: String = ""
    /// The cursor, in graphemes from the start.
    package private(set) var cursor: Int = 0
    package var paid = false
    /// A reply is in flight: the pane is read-only until it comes back.
    package var sending = false
    /// The last answer for this draft, in words, and whether it was a failure.
    package var result: String?
    package var resultIsError = false

    package init(transactionID: String) {
        self.transactionID = transactionID
    }

    /// Which canned reply `Ctrl-R` showed last, to cycle to the next.
    package var cannedIndex: Int?

    /// Replaces the whole text (a canned reply), cursor at the end.
    package mutating func replaceText(_ newText: String) {
        text = newText
        cursor = newText.count
    }

    package mutating func insert(_ character: Character) {
        var characters = Array(text)
        let before = String(characters[..<cursor]) + String(character)
        characters.insert(character, at: cursor)
        text = String(characters)
        // Inserting can merge with a neighbour into one grapheme (a combining mark, a joiner): recount.
        cursor = min(before.count, text.count)
    }

    package mutating func backspace() {
        guard cursor > 0 else { return }
        var characters = Array(text)
        characters.remove(at: cursor - 1)
        text = String(characters)
        cursor -= 1
    }

    package mutating func deleteForward() {
        var characters = Array(text)
        guard cursor < characters.count else { return }
        characters.remove(at: cursor)
        text = String(characters)
    }

    package mutating func moveLeft() { cursor = max(0, cursor - 1) }
    package mutating func moveRight() { cursor = min(text.count, cursor + 1) }
    package mutating func moveHome() { cursor = 0 }
    package mutating func moveEnd() { cursor = text.count }

    /// The counter for the current text and flag.
    package var length: ReplyLengthReport { ReplyLengthRule.evaluate(text, paid: paid) }
}
