import SwitchboardConsole
import SwitchboardText

/// The text sanitizer under fuzzing, shared by the libFuzzer target and the corpus replay test.
///
/// The input is untrusted text, as UTF-8 (invalid bytes repaired). Checked: no C0 or C1 control, no bidi control and
/// no other format character but the zero-width joiners leaves ``TextSanitizer/lineSafe(_:)``; sanitizing twice
/// changes nothing; no ordinary character is lost; the width is sane; written to a screen row it keeps the row's
/// width, stays inside its columns and puts nothing forbidden in a cell.
package enum SanitizerFuzzHarness {
    /// The C library's locale, set once: `wcwidth` depends on it.
    private static let locale = TerminalLocale.activate()

    /// The problems found with one input; empty when every property holds.
    package static func run(_ input: [UInt8]) -> [String] {
        _ = locale
        let text = String(decoding: input, as: UTF8.self)
        let safe = TextSanitizer.lineSafe(text)
        var problems: [String] = []
        if let bad = safe.unicodeScalars.first(where: isForbidden) {
            problems.append("U+\(String(bad.value, radix: 16, uppercase: true)) left in \(safe.debugDescription)")
        }
        if !TextSanitizer.lineSafe(safe).unicodeScalars.elementsEqual(safe.unicodeScalars) {
            problems.append("sanitizing \(safe.debugDescription) again changed it")
        }
        if !isSubsequence(Array(text.unicodeScalars).filter(isOrdinary), of: Array(safe.unicodeScalars)) {
            problems.append("ordinary characters of \(text.debugDescription) lost in \(safe.debugDescription)")
        }
        let width = TextSanitizer.displayWidth(safe)
        if width < 0 || width > 2 * safe.unicodeScalars.count {
            problems.append("width \(width) for \(safe.unicodeScalars.count) scalars")
        }
        return problems + screenProblems(safe)
    }

    private static func screenProblems(_ safe: String) -> [String] {
        var problems: [String] = []
        var screen = ScreenBuffer(width: 40, height: 1)
        let used = screen.write(safe, x: 0, y: 0, role: .normal)
        let boxed = screen.write(safe, x: 30, y: 0, role: .dim, maxWidth: 7)
        if used > 40 || boxed > 7 { problems.append("wrote \(used) and \(boxed) columns into 40 and 7") }
        // Cell by cell: joining the cells could merge neighbours (two regional indicators) into one grapheme.
        let columns = screen.cells.filter { !$0.isContinuation }.reduce(0) { $0 + CharacterWidth.of($1.text) }
        if columns != 40 { problems.append("the row is \(columns) columns wide, not 40: \(safe.debugDescription)") }
        for cell in screen.cells where cell.text.unicodeScalars.contains(where: isForbidden) {
            problems.append("cell \(cell.text.debugDescription) holds a forbidden scalar")
        }
        return problems
    }

    /// What must never reach a terminal: C0 and C1 controls, DEL, bidi controls, format characters but the joiners.
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 || (0x7F...0x9F).contains(value) || scalar.properties.isBidiControl { return true }
        return scalar.properties.generalCategory == .format && value != 0x200C && value != 0x200D
    }

    /// A scalar the sanitizer must pass through as it is.
    private static func isOrdinary(_ scalar: Unicode.Scalar) -> Bool {
        !isForbidden(scalar)
    }

    private static func isSubsequence(_ needle: [Unicode.Scalar], of haystack: [Unicode.Scalar]) -> Bool {
        var remaining = needle[...]
        for scalar in haystack where scalar == remaining.first { remaining = remaining.dropFirst() }
        return remaining.isEmpty
    }
}
