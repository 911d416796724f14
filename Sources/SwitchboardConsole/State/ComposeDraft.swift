import SwitchboardEngine

/// The reply being written: its text, a cursor between graphemes, the `paid` flag, and the history `Ctrl-Z` undoes.
/// Editing never splits a grapheme (an emoji, a flag, a letter with its accents): backspace removes one whole.
package struct ComposeDraft: Sendable, Hashable {
    /// The text and cursor before one change, which `Ctrl-Z` goes back to.
    package struct Snapshot: Sendable, Hashable {
        package let text: String
        package let cursor: Int
    }

    /// The most changes `Ctrl-Z` can undo.
    package static let historyLimit = 200

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
    /// The text as it was before each change (typing, paste, fit, canned insert), newest last.
    package private(set) var history: [Snapshot] = []

    package init(transactionID: String) {
        self.transactionID = transactionID
    }

    /// Remembers the text as it is now, so the next change can be undone as one (a paste, a canned insert).
    package mutating func checkpoint() {
        let now = Snapshot(text: text, cursor: cursor)
        guard history.last != now else { return }
        history.append(now)
        if history.count > Self.historyLimit { history.removeFirst(history.count - Self.historyLimit) }
    }

    /// Goes back to the text before the last change; false when there is nothing to undo.
    @discardableResult
    package mutating func undo() -> Bool {
        while let last = history.popLast() {
            guard last.text != text else { continue }
            text = last.text
            cursor = min(last.cursor, text.count)
            return true
        }
        return false
    }

    /// Replaces the whole text (one change), the cursor at `cursor` or at the end.
    package mutating func replaceText(_ newText: String, cursor newCursor: Int? = nil) {
        guard newText != text else { return }
        checkpoint()
        text = newText
        cursor = min(max(0, newCursor ?? newText.count), newText.count)
    }

    /// Inserts `inserted` at the cursor (one change); the cursor lands `cursorOffset` graphemes into it, or after it.
    package mutating func insert(_ inserted: String, cursorOffset: Int? = nil) {
        guard !inserted.isEmpty else { return }
        let characters = Array(text)
        let before = String(characters[..<cursor])
        let after = String(characters[cursor...])
        let offset = min(cursorOffset ?? inserted.count, inserted.count)
        let landing = (before + String(Array(inserted)[..<offset])).count
        replaceText(before + inserted + after, cursor: landing)
    }

    /// Types one character at the cursor; `recording: false` inside a paste, which is undone as one.
    package mutating func insert(_ character: Character, recording: Bool = true) {
        if recording { checkpoint() }
        var characters = Array(text)
        let before = String(characters[..<cursor]) + String(character)
        characters.insert(character, at: cursor)
        text = String(characters)
        // Inserting can merge with a neighbour into one grapheme (a combining mark, a joiner): recount.
        cursor = min(before.count, text.count)
    }

    package mutating func backspace() {
        guard cursor > 0 else { return }
        checkpoint()
        var characters = Array(text)
        characters.remove(at: cursor - 1)
        text = String(characters)
        cursor -= 1
    }

    package mutating func deleteForward() {
        var characters = Array(text)
        guard cursor < characters.count else { return }
        checkpoint()
        characters.remove(at: cursor)
        text = String(characters)
    }

    /// `Ctrl-F`: every character that forces "other" and has a latin replacement is replaced (one change); the
    /// cursor stays after the same text.
    package mutating func fit() -> ReplyFit {
        let fit = ReplyFit(text)
        guard fit.text != text else { return fit }
        let landing = ReplyFit(String(Array(text)[..<cursor])).text.count
        replaceText(fit.text, cursor: landing)
        return fit
    }

    package mutating func moveLeft() { cursor = max(0, cursor - 1) }
    package mutating func moveRight() { cursor = min(text.count, cursor + 1) }
    package mutating func moveHome() { cursor = 0 }
    package mutating func moveEnd() { cursor = text.count }

    /// The counter for the current text and flag.
    package var length: ReplyLengthReport { ReplyLengthRule.evaluate(text, paid: paid) }
}
