/// A key press, as the backend decodes it from ncurses (`wget_wch`).
package enum Key: Sendable, Hashable, CustomStringConvertible {
    /// A printable character.
    case character(Character)
    case up, down, left, right, home, end, pageUp, pageDown
    /// Enter / Return (CR; `nonl()` keeps it apart from Ctrl-J).
    case enter
    /// Ctrl-J (LF): a newline in the compose pane.
    case newline
    case escape, backspace, delete, tab
    /// Ctrl and a letter, lower-cased: `.control("p")` is Ctrl-P.
    case control(Character)
    /// Alt (Meta) and a character: ESC and the character arriving together. Bound to nothing, so an Alt chord
    /// is not taken for Esc followed by a command.
    case alt(Character)
    /// The terminal's bracketed-paste markers: what comes between them was pasted, not typed, and never runs a
    /// command (a pasted newline does not send).
    case pasteBegin, pasteEnd

    /// How the help overlay and the README name the key.
    package var description: String {
        switch self {
        case .character(" "): "Space"
        case .character(let character): String(character)
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .home: "Home"
        case .end: "End"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .enter: "Enter"
        case .newline: "Ctrl-J"
        case .escape: "Esc"
        case .backspace: "Backspace"
        case .delete: "Delete"
        case .tab: "Tab"
        case .control(let letter): "Ctrl-\(String(letter).uppercased())"
        case .alt(let character): "Alt-\(character)"
        case .pasteBegin: "paste start"
        case .pasteEnd: "paste end"
        }
    }
}
