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
        }
    }
}
