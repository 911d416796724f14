import Foundation
import Logging
import Testing

@testable import SwitchboardEngine

/// The log file is read on a terminal: whatever a message or its metadata quotes, an entry is one inert line.
@Suite struct FileLogHandlerTests {
    @Test func hostileMessagesAndMetadataAreWrittenEscapedOnOneLine() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("log-\(UUID().uuidString).log").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let logger = FileLogHandler.logger(label: "test\u{1B}]0;T\u{07}", sink: FileSink(path: path))
        logger.error(
            "callback not stored: \u{1B}[2J\u{1B}]52;c;Y3VybA==\u{07} safe\rEVIL\nforged line \u{9B}31m \u{202E}gnp",
            metadata: ["error": "\u{1B}[31mred\u{0}nul", "path": "C:\\temp"])
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.filter { $0 == "\n" }.count == 1, "one entry, one line: \(text.debugDescription)")
        let unsafe = text.unicodeScalars.filter {
            $0 != "\n"
                && ($0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0.properties.generalCategory == .format)
        }
        #expect(unsafe.isEmpty, "\(text.debugDescription)")
        #expect(text.contains(#"test\u{1B}]0;T\u{7}: callback not stored: \u{1B}[2J\u{1B}]52;c;Y3VybA==\u{7}"#))
        #expect(text.contains(#"safe\u{D}EVIL\u{A}forged line \u{9B}31m \u{202E}gnp"#))
        #expect(text.contains(#"error=\u{1B}[31mred\u{0}nul path=C:\\temp"#), "\(text)")
    }

    @Test(arguments: [
        ("plain text", "plain text"), ("tab\there", #"tab\u{9}here"#), ("back\\slash", #"back\\slash"#),
        ("日本語 ✓", "日本語 ✓"), ("zero\u{200B}width", #"zero\u{200B}width"#), ("line\u{2028}sep", #"line\u{2028}sep"#),
        ("del\u{7F}", #"del\u{7F}"#),
    ])
    func logTextEscapesWhatCouldSteerATerminal(_ text: String, _ expected: String) {
        #expect(LogText.escaped(text) == expected)
    }
}
