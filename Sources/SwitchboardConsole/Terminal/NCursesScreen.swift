import CNCurses
import Foundation
import SwitchboardText

/// The one owner of ncurses, and the only file that imports it: the console's ``TerminalBackend`` on a real
/// terminal. Every ncurses call happens through this type, on the thread that created it (the console's UI
/// thread); it is deliberately not `Sendable`.
package final class NCursesScreen: TerminalBackend {
    private let window: UnsafeMutablePointer<WINDOW>
    private var previous: ScreenBuffer?
    private var pairs: [StyleRole: Int16] = [:]
    private var styles: [StyleRole: CellStyle] = [:]
    package private(set) var colors: Int = 0

    /// Starts curses mode: the user's locale (wide characters), no echo, CR kept apart from LF, keypad keys,
    /// a 25 ms ESC delay, reads that never block (the loop waits in ``wait(wakingOn:milliseconds:)``), and
    /// bracketed paste.
    package init() throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw TerminalError.notATerminal }
        // The user's locale for everything, then a UTF-8 character locale if theirs is not (LANG unset).
        setlocale(LC_ALL, "")
        TerminalLocale.activate()
        // newterm, not initscr: initscr exits the process itself when TERM is unknown.
        guard sb_newterm() != nil, let screen = sb_stdscr() else { throw TerminalError.cannotStart }
        window = screen
        Self.restoreOnCrash()
        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        set_escdelay(25)
        curs_set(0)
        wtimeout(window, 0)
        sb_define_paste_keys()
        Self.writeToTerminal(Self.bracketedPasteOn)
        if has_colors() {
            start_color()
            use_default_colors()
            colors = Int(sb_colors())
        }
    }

    /// The terminal's size now.
    package var size: (width: Int, height: Int) { (Int(sb_cols()), Int(sb_lines())) }

    /// Sets the colour of every role (one colour pair each).
    package func apply(styles newStyles: [StyleRole: CellStyle]) {
        styles = newStyles
        pairs = [:]
        guard colors > 0 else { return }
        for (index, role) in StyleRole.allCases.enumerated() {
            let style = newStyles[role] ?? CellStyle()
            let pair = Int16(index + 1)
            init_pair(pair, style.foreground, style.background)
            pairs[role] = pair
        }
        previous = nil
    }

    /// Asks the terminal to mark pasted text, and to stop.
    static var bracketedPasteOn: StaticString { "\u{1b}[?2004h" }
    static var bracketedPasteOff: StaticString { "\u{1b}[?2004l" }

    /// Writes control bytes straight to the terminal (async-signal-safe: the crash handler uses it too).
    static func writeToTerminal(_ sequence: StaticString) {
        _ = write(STDOUT_FILENO, sequence.utf8Start, sequence.utf8CodeUnitCount)
    }

    /// Waits until a key may be ready, `wake` is readable (an engine event), or `milliseconds` pass.
    package func wait(wakingOn wake: Int32, milliseconds: Int32) {
        var descriptors = [
            pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
            pollfd(fd: wake, events: Int16(POLLIN), revents: 0),
        ]
        _ = poll(&descriptors, 2, milliseconds)
    }

    /// The next key, if one is waiting (never blocks beyond the ESC delay of an escape sequence). An ESC with a
    /// character right behind it is an Alt chord.
    package func read() -> TerminalInput {
        var code: wint_t = 0
        let input = Self.decode(status: wget_wch(window, &code), code: UInt32(code))
        guard input == .key(.escape) else { return input }
        let status = wget_wch(window, &code)
        switch Self.decode(status: status, code: UInt32(code)) {
        case .key(.character(let character)): return .key(.alt(character))
        case .nothing where status == sb_err(): return .key(.escape)
        default:
            // ESC and then another key (an arrow, Enter): keep the second one for the next read.
            if status == sb_key_code_yes() {
                ungetch(Int32(code))
            } else {
                unget_wch(wchar_t(bitPattern: UInt32(code)))
            }
            return .key(.escape)
        }
    }

    /// Draws `frame`, writing only the cells that changed since the last frame.
    package func draw(_ frame: ScreenBuffer) {
        if previous == nil || previous?.width != frame.width || previous?.height != frame.height { werase(window) }
        for change in frame.changes(since: previous) { put(change.cell, x: change.x, y: change.y) }
        previous = frame
        wnoutrefresh(window)
        doupdate()
    }

    /// Forgets the last frame, so the next draw repaints everything (after a resize).
    package func invalidate() {
        previous = nil
        wclear(window)
    }

    package func bell() { beep() }

    /// Leaves curses mode and restores the terminal.
    package func restore() {
        Self.writeToTerminal(Self.bracketedPasteOff)
        endwin()
    }

    /// On a crash signal, gives the terminal back before dying (best effort: the process is going down anyway).
    package static func restoreOnCrash() {
        for number in [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP] {
            signal(number) { received in
                NCursesScreen.writeToTerminal(NCursesScreen.bracketedPasteOff)
                endwin()
                signal(received, SIG_DFL)
                raise(received)
            }
        }
    }

    /// What `wget_wch` returned (`status`, and the character or key code it stored) as input.
    private static func decode(status: Int32, code: UInt32) -> TerminalInput {
        if status == sb_err() { return .nothing }
        if status == sb_key_code_yes() { return decodeKeyCode(Int32(code)) }
        return KeyDecoder.decode(character: code)
    }

    private static func decodeKeyCode(_ code: Int32) -> TerminalInput {
        switch code {
        case sb_key_resize(): .resize
        case sb_key_up(): .key(.up)
        case sb_key_down(): .key(.down)
        case sb_key_left(): .key(.left)
        case sb_key_right(): .key(.right)
        case sb_key_home(): .key(.home)
        case sb_key_end(): .key(.end)
        case sb_key_ppage(): .key(.pageUp)
        case sb_key_npage(): .key(.pageDown)
        case sb_key_backspace(): .key(.backspace)
        case sb_key_dc(): .key(.delete)
        case sb_key_enter(): .key(.enter)
        case sb_key_paste_begin(): .key(.pasteBegin)
        case sb_key_paste_end(): .key(.pasteEnd)
        default: .nothing
        }
    }

    private func put(_ cell: Cell, x: Int, y: Int) {
        let style = styles[cell.role] ?? CellStyle()
        sb_set_style(
            window, pairs[cell.role] ?? 0, style.bold ? 1 : 0, style.underline ? 1 : 0, style.reverse ? 1 : 0,
            style.dim ? 1 : 0)
        var wide = cell.text.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
        wide.append(0)
        mvwaddwstr(window, Int32(y), Int32(x), wide)
    }
}

/// Why the terminal could not be used.
package enum TerminalError: Error, CustomStringConvertible {
    case cannotStart
    case notATerminal

    package var description: String {
        switch self {
        case .cannotStart: "could not start the terminal (is TERM set to a terminal ncurses knows?)"
        case .notATerminal:
            "the console needs a terminal: stdin and stdout must be a TTY (use `pending`, `reply` or `export` in "
                + "scripts)"
        }
    }
}
