import Foundation

/// Reads an inbound callback (docs/provider-contract.md §1) out of a request: the method, the body type, the three fields and
/// their rules. Pure: no I/O, so every rule is tested directly.
package struct CallbackParser: Sendable {
    /// The configured taggs; an unknown tagg is still accepted, and flagged.
    package var taggs: [String]

    package init(taggs: [String]) {
        self.taggs = taggs
    }

    /// The callback, or why it is refused (with the HTTP status to answer).
    package func parse(_ raw: RawCallbackRequest, receivedAt: Date) -> Result<InboundCallback, CallbackRejection> {
        let fields: [(name: String, value: [UInt8])]
        var repaired = false
        switch raw.method {
        case "GET":
            let query = raw.target.split(separator: "?", maxSplits: 1).dropFirst().first.map(String.init) ?? ""
            guard let decoded = FormURLEncoding.decodeRaw(Array(query.utf8)) else {
                return .failure(.badRequest("the query string has a malformed percent escape"))
            }
            fields = decoded.map(Self.named)
        case "POST":
            switch bodyFields(raw) {
            case .success(let decoded): (fields, repaired) = decoded
            case .failure(let rejection): return .failure(rejection)
            }
        default:
            return .failure(.methodNotAllowed)
        }
        return callback(from: fields, repaired: repaired, raw: raw, receivedAt: receivedAt)
    }

    /// The fields of a POST body, and whether the whole body was repaired from Windows-1252 before parsing.
    private func bodyFields(_ raw: RawCallbackRequest) -> Result<BodyFields, CallbackRejection> {
        let contentType = raw.contentType ?? ""
        let mediaType = contentType.split(separator: ";").first.map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        }
        switch mediaType {
        case "application/x-www-form-urlencoded":
            guard let decoded = FormURLEncoding.decodeRaw(raw.body) else {
                return .failure(.badRequest("the form body has a malformed percent escape"))
            }
            return .success((decoded.map(Self.named), false))
        case "multipart/form-data":
            guard let boundary = MultipartFormData.boundary(in: contentType) else {
                return .failure(.badRequest("multipart/form-data without a boundary parameter"))
            }
            guard let decoded = MultipartFormData.fields(body: raw.body, boundary: boundary) else {
                return .failure(.badRequest("the multipart body is not well-formed"))
            }
            return .success((decoded, false))
        case "application/json":
            return jsonFields(raw.body)
        default:
            return .failure(.unsupportedMediaType(contentType))
        }
    }

    private static func named(_ field: (name: [UInt8], value: [UInt8])) -> (name: String, value: [UInt8]) {
        (String(decoding: field.name, as: UTF8.self), field.value)
    }

    /// JSON must be UTF-8; a body that is not is repaired as Windows-1252 (and flagged) rather than dropped.
    private func jsonFields(_ body: [UInt8]) -> Result<BodyFields, CallbackRejection> {
        var text = body
        var repaired = false
        if String(validating: body, as: UTF8.self) == nil {
            text = Array(Windows1252.decode(body).utf8)
            repaired = true
        }
        guard let parsed = try? JSONSerialization.jsonObject(with: Data(text)) else {
            return .failure(.badRequest("the body is not valid JSON"))
        }
        guard let object = parsed as? [String: Any] else {
            return .failure(.badRequest("the JSON body must be an object with transaction_id, tagg and message"))
        }
        var fields: [(name: String, value: [UInt8])] = []
        for name in ["transaction_id", "tagg", "message"] {
            switch object[name] {
            case nil, is NSNull: continue
            case let value as String:
                fields.append((name, Array(value.utf8)))
            case let number as NSNumber where name == "transaction_id" && Self.isInteger(number):
                fields.append((name, Array(String(number.int64Value).utf8)))
            default:
                let expected = name == "transaction_id" ? "a string or a whole number" : "a string"
                return .failure(.badRequest("\(name): must be \(expected)"))
            }
        }
        return .success((fields, repaired))
    }

    /// `text` with every NUL as `␀` (U+2400, the symbol the console shows for it): SQLite's text binding ends a
    /// string at its first NUL and PostgreSQL's text type refuses one, so a NUL would cut the text short or keep it
    /// out of the store for good. The raw body keeps the byte.
    static func storable(_ text: String) -> String {
        guard text.utf8.contains(0) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\u{0}" ? "\u{2400}" : $0 }))
    }

    /// A body's fields, and whether the body was repaired from Windows-1252 first. The flag travels beside the
    /// fields, never as one of them: a pseudo-field can be forged by a client (a form field named
    /// `%00repaired-windows-1252` flagged a plain UTF-8 text as repaired).
    private typealias BodyFields = (fields: [(name: String, value: [UInt8])], repaired: Bool)

    /// A JSON whole number (not a boolean, not a fraction or exponent form), by how Foundation stored it.
    private static func isInteger(_ number: NSNumber) -> Bool {
        ["q", "i", "l", "s"].contains(String(cString: number.objCType))
    }

    private func callback(
        from fields: [(name: String, value: [UInt8])], repaired: Bool, raw: RawCallbackRequest, receivedAt: Date
    ) -> Result<InboundCallback, CallbackRejection> {
        func field(_ name: String) -> [UInt8]? { fields.first { $0.name == name }?.value }
        guard let idBytes = field("transaction_id") else { return .failure(.badRequest("transaction_id: missing")) }
        guard (1...64).contains(idBytes.count), idBytes.allSatisfy({ (0x21...0x7E).contains($0) }) else {
            return .failure(
                .badRequest("transaction_id: must be 1 to 64 printable ASCII characters with no spaces"))
        }
        guard let taggBytes = field("tagg") else { return .failure(.badRequest("tagg: missing")) }
        let tagg = Self.storable(Windows1252.decodeText(taggBytes).text)
        guard (1...32).contains(tagg.count) else {
            return .failure(.badRequest("tagg: must be 1 to 32 characters"))
        }
        guard let messageBytes = field("message") else {
            return .failure(.badRequest("message: missing (it may be empty, but must be present)"))
        }
        var (message, encoding) = Windows1252.decodeText(messageBytes)
        message = Self.storable(message)
        if repaired { encoding = .windows1252 }
        let known = taggs.contains { $0.caseInsensitiveCompare(tagg) == .orderedSame }
        return .success(
            InboundCallback(
                transactionID: String(decoding: idBytes, as: UTF8.self), tagg: tagg, message: message,
                encoding: encoding, taggKnown: known, receivedAt: receivedAt, raw: raw))
    }
}

/// Why a callback was refused, as the HTTP status and plain-text body to answer with.
package enum CallbackRejection: Error, Sendable, Hashable {
    case badRequest(String)
    case methodNotAllowed
    case unsupportedMediaType(String)
    case payloadTooLarge
    case forbidden
    case notFound

    package var status: Int {
        switch self {
        case .badRequest: 400
        case .methodNotAllowed: 405
        case .unsupportedMediaType: 415
        case .payloadTooLarge: 413
        case .forbidden: 403
        case .notFound: 404
        }
    }

    /// The plain-text answer: what is wrong and what to do.
    package var message: String {
        switch self {
        case .badRequest(let reason): "bad request: \(reason)"
        case .methodNotAllowed: "method not allowed: send the callback as POST (or GET with a query string)"
        case .unsupportedMediaType(let type):
            "unsupported content type \"\(type)\": use application/x-www-form-urlencoded, multipart/form-data "
                + "or application/json"
        case .payloadTooLarge: "request body too large: a callback is at most 64 KiB"
        case .forbidden: "forbidden: this source address is not in receiver.allowed_networks"
        case .notFound: "not found"
        }
    }

    /// A short label for metrics.
    package var metricReason: String {
        switch self {
        case .badRequest: "bad_request"
        case .methodNotAllowed: "method"
        case .unsupportedMediaType: "media_type"
        case .payloadTooLarge: "too_large"
        case .forbidden: "forbidden"
        case .notFound: "not_found"
        }
    }
}
