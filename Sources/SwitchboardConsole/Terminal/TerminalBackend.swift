/// What the console's UI loop needs of a terminal: its size and colours, keys, drawing whole frames, a bell, and
/// giving the terminal back. ``NCursesScreen`` is the real one; tests run the loop against one of their own.
///
/// A backend is used only from the thread that made it (the UI thread), so it need not be `Sendable`.
package protocol TerminalBackend: AnyObject {
    /// How many colours the terminal has (0 for none).
    var colors: Int { get }
    /// The terminal's size now.
    var size: (width: Int, height: Int) { get }
    /// Sets how each role looks.
    func apply(styles: [StyleRole: CellStyle])
    /// Waits until a key may be ready, `wake` is readable (an engine event), or `milliseconds` pass.
    func wait(wakingOn wake: Int32, milliseconds: Int32)
    /// The next key, a resize, or nothing; never blocks.
    func read() -> TerminalInput
    /// Draws `frame` (a backend may write only what changed since the last frame).
    func draw(_ frame: ScreenBuffer)
    /// Forgets the last frame, so the next draw repaints everything (after a resize).
    func invalidate()
    func bell()
    /// Gives the terminal back as it was.
    func restore()
}

/// What a read of the terminal produced.
package enum TerminalInput: Sendable, Hashable {
    case key(Key)
    case resize
    case nothing
}
