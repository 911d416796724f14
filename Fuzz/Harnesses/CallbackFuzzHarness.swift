import Foundation
import SwitchboardEngine

/// The callback parser under fuzzing (docs/provider-contract.md §1), shared by the libFuzzer target and the corpus replay test.
///
/// An input is a request in three parts: the first line is the method and target (`POST /tagga`,
/// `GET /tagga?transaction_id=…`), the second the Content-Type, the rest the body, byte for byte. Checked: the parser
/// never traps; a refusal is a 400, 405 or 415 with a text; an accepted callback obeys the field rules, is flagged
/// Windows-1252 only when its bytes were not UTF-8, and reads back the same when written as a form, a multipart
/// body, JSON or a query string.
package enum CallbackFuzzHarness {
    static let parser = CallbackParser(taggs: ["PIZZA", "HELP", "INFO"])
    static let receivedAt = Date(timeIntervalSince1970: 1_800_000_000)

    /// The problems found with one input; empty when every property holds.
    package static func run(_ input: [UInt8]) -> [String] {
        let raw = request(from: input)
        switch parser.parse(raw, receivedAt: receivedAt) {
        case .failure(let rejection):
            guard [400, 405, 415].contains(rejection.status), !rejection.message.isEmpty else {
                return ["refused with \(rejection.status) \(rejection.message.debugDescription)"]
            }
            return []
        case .success(let callback):
            return fieldRuleProblems(callback) + encodingProblems(callback, raw: raw) + roundTripProblems(callback)
        }
    }

    /// The request an input stands for (see the type's documentation).
    package static func request(from input: [UInt8]) -> RawCallbackRequest {
        let lines = input.split(separator: UInt8(ascii: "\n"), maxSplits: 2, omittingEmptySubsequences: false)
        let requestLine = String(decoding: lines[0], as: UTF8.self)
        let parts = requestLine.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false)
        let contentType = lines.count > 1 ? String(decoding: lines[1], as: UTF8.self) : nil
        return RawCallbackRequest(
            method: String(parts[0]), target: parts.count > 1 ? String(parts[1]) : "/tagga",
            contentType: contentType, remoteAddress: "127.0.0.1", body: lines.count > 2 ? Array(lines[2]) : [])
    }

    private static func fieldRuleProblems(_ callback: InboundCallback) -> [String] {
        var problems: [String] = []
        let id = Array(callback.transactionID.utf8)
        if !(1...64).contains(id.count) || !id.allSatisfy({ (0x21...0x7E).contains($0) }) {
            problems.append("accepted transaction_id \(callback.transactionID.debugDescription)")
        }
        if !(1...32).contains(callback.tagg.count) {
            problems.append("accepted a tagg of \(callback.tagg.count) characters")
        }
        let known = ["PIZZA", "HELP", "INFO"].contains(callback.tagg.uppercased())
        if known != callback.taggKnown, callback.tagg.allSatisfy(\.isASCII) {
            problems.append("tagg \(callback.tagg.debugDescription) flagged known=\(callback.taggKnown)")
        }
        return problems
    }

    /// Windows-1252 is a repair for bytes that are not UTF-8: a request whose fields all are must never be flagged.
    private static func encodingProblems(_ callback: InboundCallback, raw: RawCallbackRequest) -> [String] {
        guard callback.encoding == .windows1252 else { return [] }
        let allUTF8: Bool
        if raw.method == "GET" {
            let query = raw.target.split(separator: "?", maxSplits: 1).dropFirst().first.map(String.init) ?? ""
            allUTF8 = FormURLEncoding.decode(query) != nil
        } else if raw.contentType?.lowercased().hasPrefix("application/x-www-form-urlencoded") == true {
            allUTF8 = FormURLEncoding.decode(bytes: raw.body) != nil
        } else {
            allUTF8 = String(validating: raw.body, as: UTF8.self) != nil
        }
        return allUTF8 ? ["flagged Windows-1252 though every byte is UTF-8: \(callback.message.debugDescription)"] : []
    }

    /// The accepted fields, written again in each body type, must read back unchanged (and as UTF-8).
    private static func roundTripProblems(_ callback: InboundCallback) -> [String] {
        let fields = [
            ("transaction_id", callback.transactionID), ("tagg", callback.tagg), ("message", callback.message),
        ]
        let form = FormURLEncoding.encode(fields)
        var requests: [(String, RawCallbackRequest)] = [
            ("form", post("application/x-www-form-urlencoded", Array(form.utf8))),
            (
                "query",
                RawCallbackRequest(
                    method: "GET", target: "/tagga?" + form, contentType: nil, remoteAddress: nil, body: [])
            ),
        ]
        if let json = try? JSONSerialization.data(withJSONObject: Dictionary(uniqueKeysWithValues: fields)) {
            requests.append(("json", post("application/json", Array(json))))
        }
        let boundary = multipartBoundary(avoiding: fields.map(\.1))
        requests.append(
            ("multipart", post("multipart/form-data; boundary=\(boundary)", multipart(fields, boundary: boundary))))
        var problems: [String] = []
        for (label, request) in requests {
            switch parser.parse(request, receivedAt: receivedAt) {
            case .failure(let rejection):
                problems.append("\(label) round trip refused: \(rejection.message)")
            case .success(let again):
                if again.transactionID != callback.transactionID || again.tagg != callback.tagg
                    || !again.message.unicodeScalars.elementsEqual(callback.message.unicodeScalars)
                    || again.encoding != .utf8
                {
                    problems.append("\(label) round trip read \(again.message.debugDescription)")
                }
            }
        }
        return problems
    }

    private static func post(_ contentType: String, _ body: [UInt8]) -> RawCallbackRequest {
        RawCallbackRequest(method: "POST", target: "/tagga", contentType: contentType, remoteAddress: nil, body: body)
    }

    private static func multipartBoundary(avoiding values: [String]) -> String {
        var boundary = "SwitchboardFuzzBoundary"
        while values.contains(where: { $0.contains(boundary) }) { boundary += "x" }
        return boundary
    }

    private static func multipart(_ fields: [(String, String)], boundary: String) -> [UInt8] {
        var body = ""
        for (name, value) in fields {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
        }
        return Array((body + "--\(boundary)--\r\n").utf8)
    }
}
