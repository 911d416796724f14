import CWidth

/// The C library's character locale, which `wcwidth` and ncursesw's wide-character drawing depend on.
package enum TerminalLocale {
    /// Adopts the user's locale for character handling, falling back to `C.UTF-8` when it is not UTF-8,
    /// so that widths and wide-character output work. Returns the locale name in force.
    @discardableResult
    package static func activate() -> String {
        if let name = setlocale(LC_CTYPE, ""), String(cString: name).uppercased().contains("UTF") {
            return String(cString: name)
        }
        if let name = setlocale(LC_CTYPE, "C.UTF-8") { return String(cString: name) }
        return "C"
    }
}
