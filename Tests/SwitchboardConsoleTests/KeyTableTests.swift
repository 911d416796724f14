import Foundation
import Testing

@testable import SwitchboardConsole

/// The README's key table is generated from the same binding list as the help overlay.
@Suite struct KeyTableTests {
    static let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("README.md")
    static let begin = "<!-- keys:begin (generated from KeyBindings.all; SWITCHBOARD_WRITE_README=1 swift test) -->"
    static let end = "<!-- keys:end -->"

    @Test func readmeKeyTableMatchesTheBindings() throws {
        var text = try String(contentsOf: Self.readme, encoding: .utf8)
        let expected = Self.begin + "\n" + KeyBindings.markdownTable + "\n" + Self.end
        let start = try #require(text.range(of: Self.begin), "README has the key table markers")
        let stop = try #require(text.range(of: Self.end))
        let current = String(text[start.lowerBound..<stop.upperBound])
        if current != expected, ProcessInfo.processInfo.environment["SWITCHBOARD_WRITE_README"] != nil {
            text.replaceSubrange(start.lowerBound..<stop.upperBound, with: expected)
            try text.write(to: Self.readme, atomically: true, encoding: .utf8)
            return
        }
        #expect(current == expected, "run SWITCHBOARD_WRITE_README=1 swift test --filter KeyTableTests")
    }

    @Test func everyCoreKeyIsBound() {
        let inbox: [Key] = [
            .up, .down, .character("k"), .character("j"), .enter, .character("r"), .character("/"),
            .character("f"), .character("b"), .character("?"), .character("q"),
        ]
        for key in inbox {
            #expect(KeyBindings.action(for: key, in: .inbox) != nil, "\(key)")
        }
        #expect(KeyBindings.action(for: .enter, in: .compose) == .send)
        #expect(KeyBindings.action(for: .newline, in: .compose) == .insertNewline)
        #expect(KeyBindings.action(for: .control("p"), in: .compose) == .togglePaid)
        #expect(KeyBindings.action(for: .escape, in: .compose) == .leavePane)
        #expect(KeyBindings.action(for: .character("q"), in: .compose) == nil, "q is text in the reply")
    }
}
