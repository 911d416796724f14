import Testing

@testable import SwitchboardEngine

struct SendBodyTests {
    @Test(arguments: [
        ("Hello world", 11),
        ("x", 1),
        (String(repeating: "a", count: 1600), 1600),
        (String(repeating: "😀", count: 1600), 1600),
        (String(repeating: "🇫🇷", count: 1600), 1600),
        ("  padded  ", 10),
    ])
    func accepts(raw: String, characters: Int) throws {
        let body = try SendBody(validating: raw)
        #expect(body.text == raw)
        #expect(body.characterCount == characters)
    }

    @Test(arguments: [
        ("", SendBodyError.empty),
        (" ", .blank),
        ("\n\t  \r\n", .blank),
        (String(repeating: "a", count: 1601), .tooLong(count: 1601)),
        (String(repeating: "é", count: 2000), .tooLong(count: 2000)),
    ])
    func refuses(raw: String, expected: SendBodyError) {
        #expect(throws: expected) { try SendBody(validating: raw) }
    }

    @Test func tooLongSaysByHowMuch() {
        let message = SendBodyError.tooLong(count: 1650).description
        let expected = "The message is 1650 characters long, 50 over the limit of 1600: "
        #expect(message == expected + "shorten it or split it into two sends")
    }

    @Test func exposesCarrierSegments() throws {
        let body = try SendBody(validating: String(repeating: "a", count: 161))
        #expect(body.segments.segmentCount == 2)
        #expect(body.segments.encoding == .gsm7)
    }
}
