import Testing

@testable import SwitchboardEngine

@Suite struct FormURLEncodingTests {
    @Test func encodesAsBrowsersDo() {
        let body = FormURLEncoding.encode([("message", "Hi there, €5 & 10% off=yes ~*"), ("empty", "")])
        #expect(body == "message=Hi+there%2C+%E2%82%AC5+%26+10%25+off%3Dyes+%7E*&empty=")
    }

    @Test(arguments: [
        "transaction_id=100&tagg=HELP&message=Where+is+my+order%3F",
        "message=%E2%80%99&x=",
        "a=1&&b=2",
    ])
    func roundTrips(_ body: String) throws {
        let fields = try #require(FormURLEncoding.decode(body))
        let again = try #require(FormURLEncoding.decode(FormURLEncoding.encode(fields)))
        #expect(again.map(\.name) == fields.map(\.name))
        #expect(again.map(\.value) == fields.map(\.value))
    }

    @Test func decodesValues() throws {
        let fields = try #require(FormURLEncoding.decode("tagg=HELP&message=I%E2%80%99m+here&flag"))
        #expect(fields.map(\.name) == ["tagg", "message", "flag"])
        #expect(fields.map(\.value) == ["HELP", "I’m here", ""])
    }

    @Test(arguments: ["message=%E2%82", "message=%zz", "message=%4", "message=%"])
    func refusesMalformedEscapesAndInvalidUTF8(_ body: String) {
        #expect(FormURLEncoding.decode(body) == nil)
    }

    @Test func rawDecodingKeepsNonUTF8Bytes() throws {
        let fields = try #require(FormURLEncoding.decodeRaw(Array("message=caf%E9".utf8)))
        #expect(fields.first?.value == Array("caf".utf8) + [0xE9])
    }
}
