import Foundation
import Testing

@testable import SwitchboardEngine

/// The hand-written JSON of a Tagget send: valid JSON that decodes to exactly the text, whatever the text holds.
@Suite struct JSONTextTests {
    @Test(arguments: [
        "plain", "quote \" and backslash \\", "line\nbreak\r\ttab", "\u{0}\u{1}\u{1F}\u{7F}", "Привет 👍🏽 日本",
        "</script> / slash", "\u{2028}\u{2029}",
    ])
    func roundTrips(_ text: String) throws {
        var out: [UInt8] = []
        JSONText.appendString(text, to: &out)
        let decoded = try JSONSerialization.jsonObject(with: Data(out), options: [.fragmentsAllowed]) as? String
        #expect(decoded == text)
        #expect(!out.contains { $0 < 0x20 }, "no raw control byte on the wire")
    }

    @Test func aSendBodyHasSortedKeysAndANumericID() throws {
        let request = try TaggetSendRequest.validate(to: "+18397536474", body: "Hi \"you\"\n", sender: "Tagget").get()
        let account = TaggetAccount(baseURL: "http://x", id: 1001, token: Secret("t0k"))
        let body = String(decoding: request.jsonBody(account: account), as: UTF8.self)
        #expect(body == #"{"body":"Hi \"you\"\n","id":1001,"sender":"Tagget","to":"+18397536474","token":"t0k"}"#)
    }
}
