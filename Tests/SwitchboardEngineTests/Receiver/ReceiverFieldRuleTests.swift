import Foundation
import Testing

@testable import SwitchboardEngine

/// A form body the receiver must refuse with 400, and the word its answer must name.
struct InvalidCallbackCase: Sendable, CustomTestStringConvertible {
    var label: String
    var body: String
    var named: String

    var testDescription: String { label }
}

/// A form body the receiver must accept, and what must be stored.
struct ValidCallbackCase: Sendable, CustomTestStringConvertible {
    var label: String
    var id: String
    var tagg: String
    var message: String

    var testDescription: String { label }
}

/// docs/provider-contract.md §1, field rules over HTTP: a missing or invalid field gets 400 naming it, and nothing is stored;
/// the edges of every rule are accepted.
@Suite struct ReceiverFieldRuleTests {
    static let invalid: [InvalidCallbackCase] = [
        .init(label: "missing transaction_id", body: "tagg=HELP&message=hi", named: "transaction_id"),
        .init(label: "missing tagg", body: "transaction_id=1&message=hi", named: "tagg"),
        .init(label: "missing message", body: "transaction_id=1&tagg=HELP", named: "message"),
        .init(
            label: "transaction_id with a space", body: "transaction_id=a+b&tagg=HELP&message=hi",
            named: "transaction_id"),
        .init(
            label: "transaction_id with a tab", body: "transaction_id=a%09b&tagg=HELP&message=hi",
            named: "transaction_id"),
        .init(label: "empty transaction_id", body: "transaction_id=&tagg=HELP&message=hi", named: "transaction_id"),
        .init(
            label: "transaction_id of 65 characters",
            body: "transaction_id=\(String(repeating: "7", count: 65))&tagg=HELP&message=hi", named: "transaction_id"),
        .init(
            label: "non-ASCII transaction_id", body: "transaction_id=caf%C3%A9&tagg=HELP&message=hi",
            named: "transaction_id"),
        .init(label: "empty tagg", body: "transaction_id=1&tagg=&message=hi", named: "tagg"),
        .init(
            label: "tagg of 33 characters",
            body: "transaction_id=1&tagg=\(String(repeating: "T", count: 33))&message=hi", named: "tagg"),
        .init(
            label: "malformed percent escape", body: "transaction_id=1&tagg=HELP&message=%ZZ",
            named: "percent escape"),
        .init(
            label: "truncated percent escape", body: "transaction_id=1&tagg=HELP&message=abc%4",
            named: "percent escape"),
    ]

    @Test(arguments: invalid)
    func invalidFieldGets400NamingIt(_ example: InvalidCallbackCase) async throws {
        try await ReceiverHarness.run { harness in
            let reply = try await harness.postForm(body: example.body)
            #expect(reply.status == 400)
            #expect(reply.body.hasPrefix("bad request: "))
            #expect(reply.body.contains(example.named))
            #expect(reply.headers["Content-Type"].first?.hasPrefix("text/plain") == true)
            #expect(try await harness.store.count() == 0)
        }
    }

    static let valid: [ValidCallbackCase] = [
        .init(label: "empty message", id: "e-1", tagg: "HELP", message: ""),
        .init(
            label: "transaction_id of 64 characters", id: String(repeating: "9", count: 64), tagg: "HELP",
            message: "hi"),
        .init(
            label: "transaction_id of punctuation", id: "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", tagg: "HELP",
            message: "hi"),
        .init(label: "tagg of 32 characters", id: "t-32", tagg: String(repeating: "T", count: 32), message: "hi"),
        .init(
            label: "tagg of 32 non-ASCII characters", id: "t-32e", tagg: String(repeating: "é", count: 32),
            message: "hi"),
        .init(label: "one-character tagg", id: "t-1", tagg: "X", message: "hi"),
    ]

    @Test(arguments: valid)
    func edgeOfEveryRuleIsAccepted(_ example: ValidCallbackCase) async throws {
        try await ReceiverHarness.run { harness in
            let reply = try await harness.postForm(
                callbackFields(example.id, tagg: example.tagg, message: example.message))
            #expect(reply.status == 200)
            #expect(reply.body == "OK\n")
            let stored = try #require(try await harness.store.transaction(id: example.id))
            #expect(stored.tagg == example.tagg)
            #expect(stored.message == example.message)
            #expect(try await harness.store.count() == 1)
        }
    }
}
