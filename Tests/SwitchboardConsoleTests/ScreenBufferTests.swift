import SwitchboardText
import Testing

@testable import SwitchboardConsole

/// The cell grid: wide characters, clipping, and the diff the backend writes.
@Suite struct ScreenBufferTests {
    @Test func wideCharactersTakeTwoCellsAndAreNeverCut() {
        TerminalLocale.activate()
        var screen = ScreenBuffer(width: 6, height: 1)
        #expect(screen.write("日本語", x: 0, y: 0, role: .normal) == 6)
        #expect(screen.line(0) == "日本語")
        #expect(screen[1, 0].isContinuation)
        var clipped = ScreenBuffer(width: 5, height: 1)
        clipped.write("日本語", x: 0, y: 0, role: .normal)
        #expect(clipped.line(0) == "日本 ", "a wide character that does not fit is replaced by a space")
        // A cell holds what ncurses will advance by: the first code point and its combining marks only.
        var emoji = ScreenBuffer(width: 8, height: 1)
        let used = emoji.write("a👍🏽👨‍👩‍👧é", x: 0, y: 0, role: .normal)
        #expect(emoji.line(0) == "a👍👨é  ")
        #expect(used == 6)
        #expect(emoji[5, 0].text == "e\u{301}" || emoji[5, 0].text == "é")
    }

    /// Hostile graphemes: a variation selector never reaches a cell (a terminal would draw "❤️" two columns wide
    /// where ncurses counts one), and a cell keeps as many combining marks as ncurses can hold.
    @Test func aCellHoldsNoVariationSelectorAndAtMostFourMarks() {
        TerminalLocale.activate()
        var screen = ScreenBuffer(width: 12, height: 1)
        let used = screen.write(
            "❤\u{FE0F}#\u{FE0F}\u{20E3}☹\u{FE0E}x" + String(repeating: "\u{301}", count: 500) + "|", x: 0, y: 0,
            role: .normal)
        #expect(used == 5)
        #expect(screen[0, 0].text == "❤")
        #expect(screen[1, 0].text == "#\u{20E3}", "the keycap's enclosing mark stays, its selector goes")
        #expect(screen[2, 0].text == "☹")
        #expect(screen[3, 0].text == "x" + String(repeating: "\u{301}", count: 4))
        #expect(screen[4, 0].text == "|")
    }

    /// Found by fuzzing: a write that began on the right half of a wide character (or ended on its left half) left
    /// the other half behind, and the row measured 41 columns of 40.
    @Test func aWriteOverHalfAWideCharacterBlanksTheOtherHalf() {
        TerminalLocale.activate()
        var screen = ScreenBuffer(width: 6, height: 1)
        screen.write("日本語", x: 0, y: 0, role: .normal)
        screen.write("ab", x: 1, y: 0, role: .dim)
        #expect(screen.line(0) == " ab 語")
        #expect(!screen.cells.contains { $0.isContinuation && $0.role == .dim })
        screen.write("本", x: 3, y: 0, role: .normal)
        #expect(screen.line(0) == " ab本 ", "the wide 語 cut in half by 本's right half is blanked")
        screen.fill(x: 4, y: 0, count: 1, role: .normal)
        #expect(screen.line(0) == " ab   ")
        #expect(screen.line(0).count == 6)
    }

    @Test func theDiffHasOnlyChangedCells() {
        var first = ScreenBuffer(width: 10, height: 2)
        first.write("hello", x: 0, y: 0, role: .normal)
        #expect(first.changes(since: nil).count == 20, "a first frame is drawn whole")
        var second = first
        second.write("help", x: 0, y: 0, role: .normal)
        second.write("!", x: 9, y: 1, role: .flashError)
        let changes = second.changes(since: first)
        #expect(changes.map { "\($0.x),\($0.y)" } == ["3,0", "9,1"], "help over hello: one letter, and the !")
        #expect(second.changes(since: second).isEmpty)
        #expect(ScreenBuffer(width: 4, height: 1).changes(since: first).count == 4, "a resize redraws everything")
    }
}
