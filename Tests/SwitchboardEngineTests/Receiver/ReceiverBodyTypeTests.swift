import Foundation
import Testing

@testable import SwitchboardEngine

/// docs/provider-contract.md §1, methods and body types: POST form (primary), GET query string, multipart and JSON are all
/// stored, with our receipt time and the raw request byte for byte.
@Suite struct ReceiverBodyTypeTests {
    @Test func formPostIsStoredWithTheClockTimeAndTheRawBody() async throws {
        try await ReceiverHarness.run { harness in
            harness.clock.set(Date(timeIntervalSince1970: 1_900_000_123))
            let body = "transaction_id=100&tagg=HELP&message=Where+is+my+order%3F+%E2%82%AC5"
            let reply = try await harness.postForm(body: body)
            #expect(reply.status == 200)
            #expect(reply.body == "OK\n")
            let stored = try #require(try await harness.store.transaction(id: "100"))
            #expect(stored.tagg == "HELP")
            #expect(stored.message == "Where is my order? €5")
            #expect(stored.encoding == .utf8)
            #expect(stored.receivedAt == Date(timeIntervalSince1970: 1_900_000_123))
            #expect(stored.state == .pending)
            let raw = try #require(try await harness.store.rawCallback(transactionID: "100"))
            #expect(raw.body == Array(body.utf8))
            #expect(raw.method == "POST")
            #expect(raw.target == "/tagga")
            #expect(raw.contentType == "application/x-www-form-urlencoded")
            #expect(raw.remoteAddress == "127.0.0.1")
            #expect(try await harness.store.count() == 1)
            #expect(harness.receiver.lastCallbackAt == Date(timeIntervalSince1970: 1_900_000_123))
        }
    }

    @Test func getWithTheFieldsInTheQueryStringIsStored() async throws {
        try await ReceiverHarness.run { harness in
            let target = "/tagga?transaction_id=g-1&tagg=HELP&message=caf%C3%A9+au+lait"
            let reply = try await harness.send(.GET, target)
            #expect(reply.status == 200)
            #expect(reply.body == "OK\n")
            let stored = try #require(try await harness.store.transaction(id: "g-1"))
            #expect(stored.message == "café au lait")
            #expect(stored.tagg == "HELP")
            #expect(stored.receivedAt == harness.clock.now())
            let raw = try #require(try await harness.store.rawCallback(transactionID: "g-1"))
            #expect(raw.method == "GET")
            #expect(raw.target == target)
            #expect(raw.body.isEmpty)
        }
    }

    @Test func multipartFormDataIsStored() async throws {
        try await ReceiverHarness.run { harness in
            let boundary = "----SwitchboardBoundary7MA4YWxkTrZu0gW"
            let body = multipartBody(
                boundary: boundary,
                fields: [("transaction_id", "mp-1"), ("tagg", "HELP"), ("message", "line one\r\nline two")])
            let reply = try await harness.send(
                .POST, contentType: "multipart/form-data; boundary=\(boundary)", bytes: body)
            #expect(reply.status == 200)
            #expect(reply.body == "OK\n")
            let stored = try #require(try await harness.store.transaction(id: "mp-1"))
            #expect(stored.tagg == "HELP")
            #expect(stored.message == "line one\r\nline two")
            let raw = try #require(try await harness.store.rawCallback(transactionID: "mp-1"))
            #expect(raw.body == body)
        }
    }

    @Test func jsonBodyIsStored() async throws {
        try await ReceiverHarness.run { harness in
            let body = #"{"transaction_id": "js-1", "tagg": "HELP", "message": "Hi \u00e9 \"quoted\""}"#
            let reply = try await harness.send(
                .POST, contentType: "application/json; charset=utf-8", bytes: Array(body.utf8))
            #expect(reply.status == 200)
            #expect(reply.body == "OK\n")
            let stored = try #require(try await harness.store.transaction(id: "js-1"))
            #expect(stored.message == "Hi é \"quoted\"")
            let raw = try #require(try await harness.store.rawCallback(transactionID: "js-1"))
            #expect(raw.body == Array(body.utf8))
        }
    }

    @Test func jsonNumericTransactionIDIsAcceptedAsText() async throws {
        try await ReceiverHarness.run { harness in
            let body = #"{"transaction_id": 100, "tagg": "HELP", "message": "numbers"}"#
            let reply = try await harness.send(.POST, contentType: "application/json", bytes: Array(body.utf8))
            #expect(reply.status == 200)
            let stored = try #require(try await harness.store.transaction(id: "100"))
            #expect(stored.message == "numbers")
            #expect(try await harness.store.count() == 1)
        }
    }
}

/// A `multipart/form-data` body with one part per field, CRLF line ends, closed by the final delimiter.
func multipartBody(boundary: String, fields: [(name: String, value: String)]) -> [UInt8] {
    multipartBody(boundary: boundary, rawFields: fields.map { ($0.name, Array($0.value.utf8)) })
}

/// A `multipart/form-data` body whose values are given as bytes.
func multipartBody(boundary: String, rawFields: [(name: String, value: [UInt8])]) -> [UInt8] {
    var body: [UInt8] = []
    for field in rawFields {
        body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field.name)\"\r\n\r\n".utf8)
        body += field.value
        body += Array("\r\n".utf8)
    }
    body += Array("--\(boundary)--\r\n".utf8)
    return body
}
