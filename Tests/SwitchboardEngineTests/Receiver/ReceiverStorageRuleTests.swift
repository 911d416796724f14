import Foundation
import Testing

@testable import SwitchboardEngine

/// docs/provider-contract.md §1, what is stored: duplicates keep the first receipt, unconfigured taggs are kept and flagged,
/// non-UTF-8 messages are read as Windows-1252 and flagged, the raw body is kept as received.
@Suite struct ReceiverStorageRuleTests {
    @Test func duplicateGets200AndTheFirstReceiptTimeStands() async throws {
        try await ReceiverHarness.run { harness in
            let first = harness.clock.now()
            let reply = try await harness.postForm(callbackFields("dup-1", message: "first"))
            #expect(reply.status == 200)
            harness.clock.advance(by: .seconds(90))
            let again = try await harness.postForm(callbackFields("dup-1", message: "resent"))
            #expect(again.status == 200)
            #expect(again.body == "OK\n")
            #expect(try await harness.store.count() == 1)
            let stored = try #require(try await harness.store.transaction(id: "dup-1"))
            #expect(stored.receivedAt == first)
            #expect(stored.receivedAt != harness.clock.now())
            #expect(stored.message == "first")
            let raw = try #require(try await harness.store.rawCallback(transactionID: "dup-1"))
            #expect(raw.body == Array(FormURLEncoding.encode(callbackFields("dup-1", message: "first")).utf8))
        }
    }

    @Test func unconfiguredTaggIsStoredAndFlagged() async throws {
        var settings = CallbackReceiver.Settings()
        settings.taggs = ["HELP"]
        try await ReceiverHarness.run(settings) { harness in
            for (id, tagg) in [("k-1", "help"), ("k-2", "pizza"), ("k-3", "OTHER"), ("k-4", "HELP")] {
                let reply = try await harness.postForm(callbackFields(id, tagg: tagg))
                #expect(reply.status == 200, "\(tagg)")
            }
            #expect(try await harness.store.count() == 4)
            let stored = try await harness.store.transactions(.all)
            let known = Dictionary(uniqueKeysWithValues: stored.map { ($0.tagg, $0.taggKnown) })
            #expect(known == ["help": true, "pizza": false, "OTHER": false, "HELP": true])
        }
    }

    @Test func percentEncodedLatin1MessageIsReadAsWindows1252() async throws {
        try await ReceiverHarness.run { harness in
            let body = "transaction_id=w-1&tagg=HELP&message=caf%E9+%80"
            let reply = try await harness.postForm(body: body)
            #expect(reply.status == 200)
            let stored = try #require(try await harness.store.transaction(id: "w-1"))
            #expect(stored.message == "café €")
            #expect(stored.encoding == .windows1252)
            let raw = try #require(try await harness.store.rawCallback(transactionID: "w-1"))
            #expect(raw.body == Array(body.utf8))
        }
    }

    @Test func rawNonUTF8BytesAreKeptAsReceived() async throws {
        try await ReceiverHarness.run { harness in
            let body = Array("transaction_id=w-2&tagg=HELP&message=".utf8) + [0x93, 0x68, 0x69, 0x94, 0xFF]
            let reply = try await harness.send(.POST, contentType: "application/x-www-form-urlencoded", bytes: body)
            #expect(reply.status == 200)
            let stored = try #require(try await harness.store.transaction(id: "w-2"))
            #expect(stored.message == "\u{201C}hi\u{201D}ÿ")
            #expect(stored.encoding == .windows1252)
            let raw = try #require(try await harness.store.rawCallback(transactionID: "w-2"))
            #expect(raw.body == body)
        }
    }

    @Test func multipartNonUTF8MessageIsReadAsWindows1252() async throws {
        try await ReceiverHarness.run { harness in
            let boundary = "b0undary"
            let body = multipartBody(
                boundary: boundary,
                rawFields: [
                    ("transaction_id", Array("w-3".utf8)), ("tagg", Array("HELP".utf8)),
                    ("message", [0x63, 0x61, 0x66, 0xE9]),
                ])
            let reply = try await harness.send(
                .POST, contentType: "multipart/form-data; boundary=\"\(boundary)\"", bytes: body)
            #expect(reply.status == 200)
            let stored = try #require(try await harness.store.transaction(id: "w-3"))
            #expect(stored.message == "café")
            #expect(stored.encoding == .windows1252)
            let raw = try #require(try await harness.store.rawCallback(transactionID: "w-3"))
            #expect(raw.body == body)
        }
    }
}
