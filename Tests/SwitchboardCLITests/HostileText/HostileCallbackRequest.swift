import AsyncHTTPClient
import Foundation
import NIOCore

/// A corpus entry as an HTTP request to a receiver, in the entry's body format, the bytes sent as they are.
enum HostileCallbackRequest {
    /// Sends `entry` to the receiver on `port`: the answer's status and body (status 0 when none came).
    static func send(_ entry: HostileEntry, port: Int, client: HTTPClient) async -> (status: Int, body: String) {
        let fields = [("transaction_id", entry.id), ("tagg", entry.tagg), ("message", entry.message)]
        var request: HTTPClientRequest
        switch entry.format {
        case .get:
            request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/tagga?" + formEncoded(fields))
            request.method = .GET
        case .form:
            request = post(port, type: "application/x-www-form-urlencoded", body: Array(formEncoded(fields).utf8))
        case .multipart:
            let boundary = "hostile-\(UUID().uuidString)"
            request = post(
                port, type: "multipart/form-data; boundary=\(boundary)", body: multipart(fields, boundary: boundary))
        case .json:
            request = post(port, type: "application/json", body: json(fields))
        }
        guard let response = try? await client.execute(request, timeout: .seconds(30)),
            let body = try? await response.body.collect(upTo: 1 << 16)
        else { return (0, "") }
        return (Int(response.status.code), String(buffer: body))
    }

    private static func post(_ port: Int, type: String, body: [UInt8]) -> HTTPClientRequest {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/tagga")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: type)
        request.body = .bytes(ByteBuffer(bytes: body))
        return request
    }

    /// Every byte outside the unreserved set percent-encoded.
    static func formEncoded(_ fields: [(String, [UInt8])]) -> String {
        fields.map { name, value in
            name + "="
                + value.map { byte in
                    let unreserved =
                        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                        || "-._~".utf8.contains(byte)
                    return unreserved ? String(UnicodeScalar(byte)) : "%" + String(format: "%02X", byte)
                }.joined()
        }.joined(separator: "&")
    }

    private static func multipart(_ fields: [(String, [UInt8])], boundary: String) -> [UInt8] {
        var body: [UInt8] = []
        for (name, value) in fields {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n".utf8)
            body += value + Array("\r\n".utf8)
        }
        return body + Array("--\(boundary)--\r\n".utf8)
    }

    /// A JSON object whose strings hold the bytes as they are (an invalid UTF-8 byte stays raw, for the receiver
    /// to repair), `"`, `\` and C0 controls escaped as JSON requires.
    private static func json(_ fields: [(String, [UInt8])]) -> [UInt8] {
        var body = Array("{".utf8)
        for (index, (name, value)) in fields.enumerated() {
            if index > 0 { body += Array(",".utf8) }
            body += Array("\"\(name)\":\"".utf8)
            for byte in value {
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): body += [UInt8(ascii: "\\"), byte]
                case 0x00..<0x20: body += Array(String(format: "\\u%04x", byte).utf8)
                default: body.append(byte)
                }
            }
            body += Array("\"".utf8)
        }
        return body + Array("}".utf8)
    }
}
