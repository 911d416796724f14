/// The eight basic terminal colours, numbered as curses and SGR 30–37 number them.
package enum ANSIColor: String, Sendable, Hashable, CaseIterable {
    case black
    case red
    case green
    case yellow
    case blue
    case magenta
    case cyan
    case white

    /// The curses colour number (`COLOR_BLACK` … `COLOR_WHITE`).
    package var index: Int16 {
        Int16(Self.allCases.firstIndex(of: self)!)
    }
}
