import Foundation
import NIOHTTP1

/// A request as the simulator received it: every byte of the body, every header.
package struct RecordedRequest: Sendable {
    package var method: String
    package var uri: String
    package var headers: [(name: String, value: String)]
    package var body: [UInt8]
    package var remoteAddress: String?
    package var receivedAt: Date

    /// The path without the query string.
    package var path: String { String(uri.prefix { $0 != "?" }) }

    /// The body as text.
    package var bodyText: String { String(decoding: body, as: UTF8.self) }

    /// The first header of that name, case-insensitively.
    package func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}

/// An answer the simulator sends.
package struct SimulatorResponse: Sendable {
    package var status: HTTPResponseStatus
    package var headers: [(name: String, value: String)]
    package var body: [UInt8]

    package init(status: HTTPResponseStatus, contentType: String, body: String, extraHeaders: [(String, String)] = []) {
        self.status = status
        self.headers = [("Content-Type", contentType)] + extraHeaders.map { (name: $0.0, value: $0.1) }
        self.body = Array(body.utf8)
    }

    package static func text(_ status: HTTPResponseStatus, _ body: String) -> SimulatorResponse {
        SimulatorResponse(status: status, contentType: "text/plain; charset=utf-8", body: body)
    }
}

/// What the server does with a request once its body is read.
package enum SimulatorAction: Sendable {
    case respond(SimulatorResponse, after: Duration)
    /// Keep the connection open and never answer.
    case hang
    /// Close the connection without answering.
    case drop
}
