import Foundation
import Testing

@testable import SwitchboardEngine

/// One request for the parser, and what it must come to.
struct ParserCase: Sendable, CustomTestStringConvertible {
    enum Outcome: Sendable, Equatable {
        case accepted(id: String, tagg: String, message: String, encoding: MessageEncoding, known: Bool)
        /// The status, and a word the refusal's text must contain.
        case refused(status: Int, naming: String)
    }

    var label: String
    var method = "POST"
    var target = "/tagga"
    var contentType: String? = "application/x-www-form-urlencoded"
    var body: [UInt8] = []
    var outcome: Outcome

    var testDescription: String { label }

    static func form(_ label: String, _ body: String, _ outcome: Outcome) -> ParserCase {
        ParserCase(label: label, body: Array(body.utf8), outcome: outcome)
    }

    static func json(_ label: String, _ body: String, _ outcome: Outcome) -> ParserCase {
        ParserCase(label: label, contentType: "application/json", body: Array(body.utf8), outcome: outcome)
    }
}

/// `CallbackParser` on its own: every field rule and body type of docs/provider-contract.md §1, without HTTP.
@Suite struct ReceiverParserTests {
    static let parser = CallbackParser(taggs: ["HELP", "Pizza"])
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    static func ok(_ id: String, _ message: String, tagg: String = "HELP", known: Bool = true) -> ParserCase.Outcome {
        .accepted(id: id, tagg: tagg, message: message, encoding: .utf8, known: known)
    }

    static let fieldRuleCases: [ParserCase] = [
        .form("plain form", "transaction_id=100&tagg=HELP&message=Hello+there", ok("100", "Hello there")),
        .form("fields in any order", "message=hi&tagg=HELP&transaction_id=z", ok("z", "hi")),
        .form("first of a repeated field", "transaction_id=a&transaction_id=b&tagg=HELP&message=m", ok("a", "m")),
        .form("unknown fields ignored", "x=1&transaction_id=u&tagg=HELP&message=m&y", ok("u", "m")),
        .form("empty message", "transaction_id=e&tagg=HELP&message=", ok("e", "")),
        .form("message without '='", "transaction_id=e&tagg=HELP&message", ok("e", "")),
        .form("tagg case-insensitive", "transaction_id=c&tagg=pIZZA&message=m", ok("c", "m", tagg: "pIZZA")),
        .form(
            "unknown tagg flagged", "transaction_id=u&tagg=OTHER&message=m", ok("u", "m", tagg: "OTHER", known: false)),
        .form(
            "64-character id", "transaction_id=\(String(repeating: "x", count: 64))&tagg=HELP&message=m",
            ok(String(repeating: "x", count: 64), "m")),
        .form(
            "65-character id", "transaction_id=\(String(repeating: "x", count: 65))&tagg=HELP&message=m",
            .refused(status: 400, naming: "transaction_id")),
        .form(
            "id with a space", "transaction_id=a%20b&tagg=HELP&message=m",
            .refused(status: 400, naming: "transaction_id")),
        .form(
            "id with DEL", "transaction_id=a%7Fb&tagg=HELP&message=m",
            .refused(status: 400, naming: "transaction_id")),
        .form(
            "id non-ASCII", "transaction_id=%C3%A9&tagg=HELP&message=m",
            .refused(status: 400, naming: "transaction_id")),
        .form("empty id", "transaction_id=&tagg=HELP&message=m", .refused(status: 400, naming: "transaction_id")),
        .form("missing id", "tagg=HELP&message=m", .refused(status: 400, naming: "transaction_id")),
        .form("missing tagg", "transaction_id=1&message=m", .refused(status: 400, naming: "tagg")),
        .form("empty tagg", "transaction_id=1&tagg=&message=m", .refused(status: 400, naming: "tagg")),
        .form(
            "33-character tagg", "transaction_id=1&tagg=\(String(repeating: "t", count: 33))&message=m",
            .refused(status: 400, naming: "tagg")),
        .form("missing message", "transaction_id=1&tagg=HELP", .refused(status: 400, naming: "message")),
        .form("bad escape", "transaction_id=1&tagg=HELP&message=%G0", .refused(status: 400, naming: "percent")),
        .form("cut escape", "transaction_id=1&tagg=HELP&message=%", .refused(status: 400, naming: "percent")),
        .form("empty body", "", .refused(status: 400, naming: "transaction_id")),
        // Hostile text: stored as it came (the console shows it inert), but NUL, which neither store can hold.
        .form(
            "escapes and controls kept", "transaction_id=h&tagg=%1B%5B2JT&message=%1B%5B2J%1B%5D52%3Bc%3BAA%07%0Dx",
            ok("h", "\u{1B}[2J\u{1B}]52;c;AA\u{7}\rx", tagg: "\u{1B}[2JT", known: false)),
        .form(
            "NUL stored as the symbol for null", "transaction_id=n&tagg=H%00&message=nul%00in%00the%00middle",
            ok("n", "nul\u{2400}in\u{2400}the\u{2400}middle", tagg: "H\u{2400}", known: false)),
        .json(
            "NUL from JSON too", #"{"transaction_id":"j","tagg":"HELP","message":"a\u0000b"}"#, ok("j", "a\u{2400}b")),
        .form(
            "id with ESC", "transaction_id=%1B%5B2J&tagg=HELP&message=m",
            .refused(status: 400, naming: "transaction_id")),
        .form(
            "id with NUL", "transaction_id=a%00&tagg=HELP&message=m", .refused(status: 400, naming: "transaction_id")),
        .form(
            "id with C1", "transaction_id=a%C2%9B&tagg=HELP&message=m", .refused(status: 400, naming: "transaction_id")),
        .form(
            "one grapheme of 200 marks is a 1-character tagg",
            "transaction_id=z&tagg=T\(String(repeating: "%CC%81", count: 200))&message=m",
            ok("z", "m", tagg: "T" + String(repeating: "\u{301}", count: 200), known: false)),
    ]

    @Test(arguments: fieldRuleCases)
    func fieldRules(_ example: ParserCase) {
        check(example)
    }

    static let bodyTypeCases: [ParserCase] = [
        ParserCase(
            label: "GET query string", method: "GET", target: "/tagga?transaction_id=q&tagg=HELP&message=a+b",
            contentType: nil, outcome: ok("q", "a b")),
        ParserCase(
            label: "GET ignores the body", method: "GET", target: "/tagga?transaction_id=q&tagg=HELP&message=m",
            contentType: "text/plain", body: Array("junk".utf8), outcome: ok("q", "m")),
        ParserCase(
            label: "GET without query", method: "GET", contentType: nil,
            outcome: .refused(status: 400, naming: "transaction_id")),
        ParserCase(
            label: "GET malformed escape", method: "GET", target: "/tagga?transaction_id=1&tagg=HELP&message=%Z",
            contentType: nil, outcome: .refused(status: 400, naming: "percent")),
        ParserCase(label: "PUT", method: "PUT", outcome: .refused(status: 405, naming: "method")),
        ParserCase(label: "HEAD", method: "HEAD", outcome: .refused(status: 405, naming: "method")),
        ParserCase(
            label: "form with charset and capitals", contentType: "Application/X-WWW-Form-URLEncoded; charset=UTF-8",
            body: Array("transaction_id=1&tagg=HELP&message=m".utf8), outcome: ok("1", "m")),
        ParserCase(
            label: "no content type", contentType: nil, body: Array("transaction_id=1&tagg=HELP&message=m".utf8),
            outcome: .refused(status: 415, naming: "content type")),
        ParserCase(
            label: "text/plain", contentType: "text/plain", body: Array("transaction_id=1&tagg=HELP&message=m".utf8),
            outcome: .refused(status: 415, naming: "text/plain")),
        ParserCase(
            label: "multipart", contentType: "multipart/form-data; boundary=XyZ",
            body: multipartBody(
                boundary: "XyZ", fields: [("transaction_id", "mp"), ("tagg", "HELP"), ("message", "")]),
            outcome: ok("mp", "")),
        ParserCase(
            label: "multipart without boundary", contentType: "multipart/form-data",
            body: multipartBody(boundary: "XyZ", fields: [("transaction_id", "mp")]),
            outcome: .refused(status: 400, naming: "boundary")),
        ParserCase(
            label: "multipart cut short", contentType: "multipart/form-data; boundary=XyZ",
            body: Array("--XyZ\r\nContent-Disposition: form-data; name=\"tagg\"\r\n\r\nHELP".utf8),
            outcome: .refused(status: 400, naming: "multipart")),
        ParserCase(
            label: "multipart missing message", contentType: "multipart/form-data; boundary=XyZ",
            body: multipartBody(boundary: "XyZ", fields: [("transaction_id", "mp"), ("tagg", "HELP")]),
            outcome: .refused(status: 400, naming: "message")),
        .json("JSON strings", #"{"transaction_id":"j","tagg":"HELP","message":"m"}"#, ok("j", "m")),
        .json("JSON numeric id", #"{"transaction_id":100,"tagg":"HELP","message":"m"}"#, ok("100", "m")),
        .json("JSON zero id", #"{"transaction_id":0,"tagg":"HELP","message":"m"}"#, ok("0", "m")),
        .json(
            "JSON fractional id", #"{"transaction_id":1.5,"tagg":"HELP","message":"m"}"#,
            .refused(status: 400, naming: "transaction_id")),
        .json(
            "JSON exponent id", #"{"transaction_id":1e3,"tagg":"HELP","message":"m"}"#,
            .refused(status: 400, naming: "transaction_id")),
        .json(
            "JSON boolean id", #"{"transaction_id":true,"tagg":"HELP","message":"m"}"#,
            .refused(status: 400, naming: "transaction_id")),
        .json(
            "JSON null message", #"{"transaction_id":"j","tagg":"HELP","message":null}"#,
            .refused(status: 400, naming: "message")),
        .json(
            "JSON numeric message", #"{"transaction_id":"j","tagg":"HELP","message":5}"#,
            .refused(status: 400, naming: "message")),
        .json(
            "JSON boolean id", #"{"transaction_id":true,"tagg":"HELP","message":"m"}"#,
            .refused(status: 400, naming: "transaction_id")),
        .json("JSON array", #"["transaction_id","j"]"#, .refused(status: 400, naming: "JSON")),
        .json("JSON malformed", #"{"transaction_id":"#, .refused(status: 400, naming: "JSON")),
    ]

    @Test(arguments: bodyTypeCases)
    func bodyTypes(_ example: ParserCase) {
        check(example)
    }

    @Test func nonUTF8MessageIsDecodedAsWindows1252AndFlagged() throws {
        let body = Array("transaction_id=w&tagg=HELP&message=".utf8) + [0x80, 0x20, 0x9E, 0x20, 0x81]
        let raw = RawCallbackRequest(
            method: "POST", target: "/tagga", contentType: "application/x-www-form-urlencoded",
            remoteAddress: "10.0.0.1", body: body)
        let callback = try Self.parser.parse(raw, receivedAt: Self.now).get()
        #expect(callback.message == "€ ž \u{81}")
        #expect(callback.encoding == .windows1252)
        #expect(callback.raw == raw)
        #expect(callback.receivedAt == Self.now)
    }

    @Test func nonUTF8JSONMessageIsDecodedAsWindows1252() throws {
        let body = Array(#"{"transaction_id":"j","tagg":"HELP","message":"caf"#.utf8) + [0xE9] + Array(#""}"#.utf8)
        let raw = RawCallbackRequest(
            method: "POST", target: "/tagga", contentType: "application/json", remoteAddress: nil, body: body)
        let callback = try Self.parser.parse(raw, receivedAt: Self.now).get()
        #expect(callback.message == "café")
        #expect(callback.encoding == .windows1252)
    }

    /// Found writing the fuzz harness: the repair flag once travelled as a pseudo-field that a client could send.
    @Test func aClientCannotFlagAUTF8TextAsRepaired() throws {
        for body in [
            "%00repaired-windows-1252=&transaction_id=f&tagg=HELP&message=fine",
            "message=fine&tagg=HELP&transaction_id=f&%00repaired-windows-1252",
        ] {
            let raw = RawCallbackRequest(
                method: "POST", target: "/tagga", contentType: "application/x-www-form-urlencoded", remoteAddress: nil,
                body: Array(body.utf8))
            #expect(try Self.parser.parse(raw, receivedAt: Self.now).get().encoding == .utf8)
        }
    }

    private func check(_ example: ParserCase) {
        let raw = RawCallbackRequest(
            method: example.method, target: example.target, contentType: example.contentType,
            remoteAddress: "127.0.0.1", body: example.body)
        let result = Self.parser.parse(raw, receivedAt: Self.now)
        switch (result, example.outcome) {
        case (.success(let callback), .accepted(let id, let tagg, let message, let encoding, let known)):
            #expect(callback.transactionID == id)
            #expect(callback.tagg == tagg)
            #expect(callback.message == message)
            #expect(callback.encoding == encoding)
            #expect(callback.taggKnown == known)
            #expect(callback.receivedAt == Self.now)
            #expect(callback.raw == raw)
        case (.failure(let rejection), .refused(let status, let naming)):
            #expect(rejection.status == status)
            #expect(rejection.message.contains(naming), "\(rejection.message)")
        default:
            Issue.record("expected \(example.outcome), got \(result)")
        }
    }
}
