import Foundation
import Testing

@testable import SwitchboardOutput

/// The commands' JSON writer against Foundation's reader, on hostile text.
@Suite struct JSONValueTests {
    @Test(arguments: [
        "plain", "quote \" and backslash \\", "line\nbreak\r\ttab", "\u{1B}[2J escape", "\u{0}nul \u{7F} del",
        "emoji 👨‍👩‍👧 and 日本語", "\u{2028}separators\u{2029}", "\u{202E}bidi", "csi \u{9B}31m", "tag \u{E0041}",
    ])
    func roundTripsThroughJSONSerialization(_ text: String) throws {
        let value = JSONValue.object(["message": .string(text), "n": 42, "ok": true, "none": .null])
        let parsed = try #require(
            try JSONSerialization.jsonObject(with: Data(value.text.utf8)) as? [String: Any])
        #expect(parsed["message"] as? String == text)
        #expect(parsed["n"] as? Int == 42)
        let unsafe = value.text.unicodeScalars.filter {
            $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0.properties.generalCategory == .format
        }
        #expect(unsafe.isEmpty, "no raw control or format characters")
    }

    @Test func keysAreSorted() {
        #expect(JSONValue.object(["b": 1, "a": .array([true, .null])]).text == #"{"a":[true,null],"b":1}"#)
    }

    @Test func timestampsAreUTCWithMilliseconds() {
        #expect(Timestamp.iso8601(Date(timeIntervalSince1970: 1_800_000_000.1234)) == "2027-01-15T08:00:00.123Z")
        #expect(Timestamp.iso8601(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000Z")
    }
}
