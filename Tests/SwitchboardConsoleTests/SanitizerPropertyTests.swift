import SwitchboardText
import Testing

@testable import SwitchboardConsole

/// Property: whatever text comes in, no C0/C1 control, bidi control, format character or escape sequence reaches
/// a cell, and the frame keeps its shape.
@Suite struct SanitizerPropertyTests {
    /// Scalars hostile text is made of, and ordinary ones, to draw random strings from.
    static let alphabet: [Unicode.Scalar] = {
        var scalars: [UInt32] = Array(0x00...0x20) + Array(0x7F...0xA0) + [0x1B, 0x9B, 0x9D, 0x07, 0x08]
        scalars += [0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2069]
        scalars += [0xFEFF, 0x061C, 0x00AD, 0x0301, 0x0308, 0x1F600, 0x1F1EE, 0x1F1EA, 0xFE0F, 0x65E5, 0x0416]
        scalars += Array(0x41...0x5A) + [0x5B, 0x3B, 0x32, 0x4A, 0x5D]
        return scalars.compactMap(Unicode.Scalar.init)
    }()

    @Test func noControlOrFormatCharacterReachesACell() {
        TerminalLocale.activate()
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let length = Int.random(in: 0..<120, using: &generator)
            var scalars = String.UnicodeScalarView()
            for _ in 0..<length { scalars.append(Self.alphabet.randomElement(using: &generator)!) }
            let text = String(scalars)
            let safe = TextSanitizer.lineSafe(text)
            for scalar in safe.unicodeScalars {
                #expect(!Self.forbidden(scalar), "U+\(String(scalar.value, radix: 16)) in \(safe.debugDescription)")
            }
            var screen = ScreenBuffer(width: 40, height: 1)
            let used = screen.write(safe, x: 0, y: 0, role: .normal)
            #expect(used <= 40)
            // Measured cell by cell: joining the cells could merge neighbours (two regional indicators) into one
            // grapheme, which is not how the terminal receives them.
            let columns = screen.cells.filter { !$0.isContinuation }.reduce(0) { $0 + CharacterWidth.of($1.text) }
            #expect(columns == 40, "the line keeps its width")
            for cell in screen.cells {
                #expect(!cell.text.unicodeScalars.contains(where: Self.forbidden))
            }
        }
    }

    static func forbidden(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 || (0x7F...0x9F).contains(value) { return true }
        return scalar.properties.generalCategory == .format && value != 0x200C && value != 0x200D
    }
}
