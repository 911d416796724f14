import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Testing

@testable import SwitchboardEngine

/// docs/provider-contract.md §1, refusals: wrong method 405, unknown body type 415, body over 64 KiB 413. Nothing is stored.
@Suite struct ReceiverRefusalTests {
    static let validForm = "transaction_id=r-1&tagg=HELP&message=hello"

    @Test(arguments: [HTTPMethod.PUT, .DELETE, .PATCH, .OPTIONS])
    func otherMethodsGet405WithAllow(_ method: HTTPMethod) async throws {
        try await ReceiverHarness.run { harness in
            let reply = try await harness.send(
                method, contentType: "application/x-www-form-urlencoded", bytes: Array(Self.validForm.utf8))
            #expect(reply.status == 405)
            #expect(reply.headers["Allow"] == ["GET, POST"])
            #expect(reply.body.contains("method not allowed"))
            #expect(try await harness.store.count() == 0)
        }
    }

    @Test(arguments: ["text/plain", "application/xml", "application/octet-stream", nil] as [String?])
    func unknownContentTypeGets415(_ contentType: String?) async throws {
        try await ReceiverHarness.run { harness in
            let reply = try await harness.send(.POST, contentType: contentType, bytes: Array(Self.validForm.utf8))
            #expect(reply.status == 415)
            #expect(reply.body.contains("unsupported content type"))
            #expect(try await harness.store.count() == 0)
        }
    }

    @Test func bodyOver64KiBWithContentLengthGets413() async throws {
        try await ReceiverHarness.run { harness in
            let body = Self.form(totalBytes: CallbackReceiver.maximumBodyBytes + 1)
            let reply = try await harness.send(
                .POST, contentType: "application/x-www-form-urlencoded", bytes: body)
            #expect(reply.status == 413)
            #expect(reply.body.contains("too large"))
            #expect(try await harness.store.count() == 0)
        }
    }

    @Test func chunkedBodyOver64KiBGets413() async throws {
        try await ReceiverHarness.run { harness in
            let body = Self.form(totalBytes: CallbackReceiver.maximumBodyBytes + 1)
            let chunks = stride(from: 0, to: body.count, by: 4096).map {
                ByteBuffer(bytes: body[$0..<min($0 + 4096, body.count)])
            }
            let reply = try await harness.send(
                .POST, contentType: "application/x-www-form-urlencoded",
                body: .stream(chunks.async, length: .unknown))
            #expect(reply.status == 413)
            #expect(try await harness.store.count() == 0)
        }
    }

    @Test func chunkedBodyOfExactly64KiBIsAccepted() async throws {
        try await ReceiverHarness.run { harness in
            let body = Self.form(totalBytes: CallbackReceiver.maximumBodyBytes)
            let chunks = stride(from: 0, to: body.count, by: 4096).map {
                ByteBuffer(bytes: body[$0..<min($0 + 4096, body.count)])
            }
            let reply = try await harness.send(
                .POST, contentType: "application/x-www-form-urlencoded",
                body: .stream(chunks.async, length: .unknown))
            #expect(reply.status == 200)
            let raw = try #require(try await harness.store.rawCallback(transactionID: "big"))
            #expect(raw.body == body)
        }
    }

    @Test func bodyOfExactly64KiBIsAccepted() async throws {
        try await ReceiverHarness.run { harness in
            let body = Self.form(totalBytes: CallbackReceiver.maximumBodyBytes)
            #expect(body.count == 65_536)
            let reply = try await harness.send(
                .POST, contentType: "application/x-www-form-urlencoded", bytes: body)
            #expect(reply.status == 200)
            let stored = try #require(try await harness.store.transaction(id: "big"))
            #expect(stored.message.count == 65_536 - Self.bigPrefix.utf8.count)
            let raw = try #require(try await harness.store.rawCallback(transactionID: "big"))
            #expect(raw.body == body)
        }
    }

    static let bigPrefix = "transaction_id=big&tagg=HELP&message="

    /// A valid form body of exactly `totalBytes` bytes: the message is padded with "a".
    static func form(totalBytes: Int) -> [UInt8] {
        Array(bigPrefix.utf8) + [UInt8](repeating: UInt8(ascii: "a"), count: totalBytes - bigPrefix.utf8.count)
    }
}

extension Array where Element: Sendable {
    /// The elements as an `AsyncSequence`, for streamed (chunked) request bodies.
    fileprivate var async: AsyncStream<Element> {
        AsyncStream { continuation in
            for element in self { continuation.yield(element) }
            continuation.finish()
        }
    }
}
