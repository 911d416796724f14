import SwitchboardText
import Testing

@testable import SwitchboardConsole

/// Untrusted text cannot move the cursor, start an escape sequence or reorder what is shown.
@Suite struct TextSanitizerTests {
    @Test(arguments: [
        ("plain text", "plain text"),
        ("line one\r\nline two", "line one\u{240D}\u{240A}line two"),
        ("a\tb", "a\u{2409}b"),
        ("\u{1B}[2J\u{1B}[31mLOCKED", "\u{241B}[2J\u{241B}[31mLOCKED"),
        ("bell\u{07}", "bell\u{2407}"),
        ("del\u{7F}", "del\u{2421}"),
        ("csi\u{9B}31m", "csi<9B>31m"),
        ("invoice_\u{202E}fdp.exe", "invoice_fdp.exe"),
        ("\u{2066}isolated\u{2069}", "isolated"),
        ("zero\u{200B}width\u{FEFF}", "zerowidth"),
        ("hidden\u{E0041}\u{E0042}tags", "hiddentags"),
        ("family 👨\u{200D}👩\u{200D}👧", "family 👨\u{200D}👩\u{200D}👧"),
        ("日本語 héllo ✓", "日本語 héllo ✓"),
    ])
    func lineSafe(_ input: String, _ expected: String) {
        #expect(TextSanitizer.lineSafe(input) == expected)
    }

    @Test func sanitizedTextHasNoControlsLeft() {
        let hostile = (0...0x9F).map { String(Unicode.Scalar($0)!) }.joined() + "\u{202A}\u{202B}\u{202D}\u{200E}"
        let safe = TextSanitizer.lineSafe(hostile)
        for scalar in safe.unicodeScalars {
            #expect(!(0...0x1F).contains(scalar.value) && !(0x7F...0x9F).contains(scalar.value))
            #expect(scalar.properties.generalCategory != .format)
        }
    }

    @Test func displayWidthCountsWideCharacters() {
        TerminalLocale.activate()
        #expect(TextSanitizer.displayWidth("héllo") == 5)
        #expect(TextSanitizer.displayWidth("日本語") == 6)
        #expect(TextSanitizer.displayWidth(TextSanitizer.lineSafe("a\r\nb")) == 4)
    }
}
