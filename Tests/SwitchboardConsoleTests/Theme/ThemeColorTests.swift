import Testing

@testable import SwitchboardConsole

/// Colour literals, and their mapping to xterm's 256 colours and to the eight basic colours.
@Suite struct ThemeColorTests {
    @Test(arguments: [
        ("default", ThemeColor.terminalDefault),
        ("red", .ansi(.red)),
        ("White", .ansi(.white)),
        ("#5f87D7", .rgb(red: 0x5F, green: 0x87, blue: 0xD7)),
        ("#000000", .rgb(red: 0, green: 0, blue: 0)),
    ])
    func parsesLiterals(text: String, expected: ThemeColor) {
        #expect(ThemeColor(literal: text) == expected)
    }

    @Test(arguments: ["", "accent", "#fff", "#12345g", "5f87d7", "#5f87d7ff", "brightred"])
    func rejectsNonColours(text: String) {
        #expect(ThemeColor(literal: text) == nil)
    }

    @Test(arguments: [
        ("#000000", 16),
        ("#ffffff", 231),
        ("#5f87d7", 68),
        ("#ff8700", 208),
        ("#ff0000", 196),
        ("#808080", 244),
        ("#121212", 233),
        ("#eeeeee", 255),
        ("#123456", 23),
        ("#5fafd8", 74),
    ])
    func hexToXterm256(hex: String, index: Int16) throws {
        let color = try #require(ThemeColor(literal: hex))
        #expect(color.xterm256 == index)
    }

    @Test(arguments: [
        ("#808080", ANSIColor.white),
        ("#5f5f5f", .black),
        ("#121212", .black),
        ("#0a0a14", .black),
        ("#ffffee", .white),
        ("#ff8700", .yellow),
        ("#5fafd7", .cyan),
        ("#af0000", .red),
        ("#87af87", .green),
        ("#af87d7", .magenta),
        ("#0000af", .blue),
    ])
    func hexToANSI8(hex: String, expected: ANSIColor) throws {
        let color = try #require(ThemeColor(literal: hex))
        #expect(color.ansi8 == expected.index)
    }

    @Test func namedColoursAndDefaultKeepTheirNumbers() {
        #expect(ThemeColor.ansi(.cyan).xterm256 == 6)
        #expect(ThemeColor.ansi(.cyan).ansi8 == 6)
        #expect(ThemeColor.terminalDefault.xterm256 == -1)
        #expect(ThemeColor.terminalDefault.ansi8 == -1)
    }

    @Test func indexDependsOnTheTerminal() throws {
        let orange = try #require(ThemeColor(literal: "#ff8700"))
        #expect(orange.index(colors: 256) == 208)
        #expect(orange.index(colors: 88) == ANSIColor.yellow.index)
        #expect(orange.index(colors: 8) == ANSIColor.yellow.index)
    }

    @Test func styleBecomesACellStyle() {
        let style = ThemeStyle(foreground: .ansi(.white), background: .rgb(red: 215, green: 0, blue: 0), bold: true)
        #expect(style.cellStyle(colors: 256) == CellStyle(foreground: 7, background: 160, bold: true))
        #expect(style.cellStyle(colors: 8) == CellStyle(foreground: 7, background: 1, bold: true))
    }

    @Test func themeGivesEveryRoleACellStyle() throws {
        let theme = try Theme.load(named: "default", searchDirectories: [ThemeFixtures.shippedDirectory])
        let cells = theme.cellStyles(colors: 8)
        #expect(Set(cells.keys) == Set(StyleRole.allCases))
        #expect(cells[.counterOver] == CellStyle(foreground: 7, background: 1, bold: true))
    }
}
