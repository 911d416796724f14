import Foundation
import Testing

@testable import SwitchboardEngine
@testable import SwitchboardSimulator

/// Every Tagga return code, produced by the simulator over loopback HTTP and mapped by the engine's client.
@Suite struct TaggaReturnCodeOverHTTPTests {
    /// One scenario: how to set the simulator up, what to send, and the code and resolution expected.
    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var configure: @Sendable (inout SimulatorSettings) -> Void = { _ in }
        var apikey = "sim-apikey"
        var tagg = "HELP"
        var transactionID = "100"
        var message = "Thanks, on its way"
        var paid = false
        var openTransaction = true
        var advanceClock: Duration = .zero
        var expected: TaggaReturnCode
        var resolution: TaggaReplyResolution

        var description: String { "\(expected.code) \(name)" }
    }

    static let cases: [Case] = [
        Case(name: "success", expected: .success, resolution: .replied),
        Case(
            name: "recipient blocked", configure: { $0.blockedRecipients = ["+18397536474"] },
            expected: .invalidRecipient, resolution: .rejected),
        Case(
            name: "wrong apikey", apikey: "nope", expected: .authenticationFailed,
            resolution: .stillPending(.authenticationFailed)),
        Case(
            name: "empty transaction id", transactionID: "", openTransaction: false, expected: .incompleteCall,
            resolution: .stillPending(.incompleteCall)),
        Case(
            name: "too long for latin", message: String(repeating: "a", count: 101), expected: .messageLengthInvalid,
            resolution: .stillPending(.messageLengthInvalid)),
        Case(
            name: "too long for other", message: String(repeating: "ж", count: 51), expected: .messageLengthInvalid,
            resolution: .stillPending(.messageLengthInvalid)),
        Case(
            name: "address not allowed", configure: { $0.allowedReplyAddresses = ["203.0.113.9"] },
            expected: .unknownRemoteAddress, resolution: .stillPending(.unknownRemoteAddress)),
        Case(name: "unknown tagg", tagg: "NOPE", expected: .unknownTagg, resolution: .stillPending(.unknownTagg)),
        Case(
            name: "paid without payment", paid: true, expected: .noValidPayment,
            resolution: .stillPending(.noValidPayment)),
        Case(
            name: "unknown transaction", transactionID: "999", openTransaction: false, expected: .invalidTransaction,
            resolution: .answeredElsewhere),
        Case(
            name: "too late", advanceClock: .seconds(30 * 60 + 1), expected: .transactionTimeout,
            resolution: .expired),
        Case(
            name: "paid with payment, 140 latin", configure: { $0.paymentRegistered = true },
            message: String(repeating: "a", count: 140), paid: true, expected: .success, resolution: .replied),
    ]

    @Test(arguments: cases)
    func codeIsProducedAndMapped(_ scenario: Case) async throws {
        try await SimulatorFixture.with(configure: scenario.configure) { fixture in
            if scenario.openTransaction {
                fixture.simulator.tagga.openTransaction(
                    id: scenario.transactionID, tagg: "HELP", from: "+18397536474", message: "hi")
            }
            fixture.clock.advance(by: scenario.advanceClock)
            let request = TaggaReplyRequest(
                tagg: scenario.tagg, transactionID: scenario.transactionID, message: scenario.message,
                paid: scenario.paid)
            let (resolution, attempts) = await fixture.taggaClient(apikey: scenario.apikey).reply(request)
            #expect(attempts.count == 1)
            #expect(attempts.first?.outcome.returnCode == scenario.expected)
            #expect(resolution == scenario.resolution)
            #expect(fixture.simulator.requests(to: "/api/response/").count == 1)
            let accepted = fixture.simulator.tagga.acceptedReplies.count
            #expect(accepted == (scenario.expected == .success ? 1 : 0))
        }
    }

    @Test func answeringTwiceGetsCode19() async throws {
        try await SimulatorFixture.with { fixture in
            fixture.simulator.tagga.openTransaction(id: "A-7", tagg: "PIZZA", from: "+14155550123", message: "hi")
            let request = TaggaReplyRequest(tagg: "pizza", transactionID: "A-7", message: "ok", paid: false)
            let first = await fixture.taggaClient().reply(request)
            let second = await fixture.taggaClient().reply(request)
            #expect(first.resolution == .replied)
            #expect(second.attempts.first?.outcome.returnCode == .invalidTransaction)
            #expect(second.resolution == .answeredElsewhere)
            #expect(fixture.simulator.tagga.acceptedReplies.map(\.message) == ["ok"])
        }
    }

    @Test func invalidPaidFlagGetsCode6() async throws {
        try await SimulatorFixture.with { fixture in
            fixture.simulator.tagga.openTransaction(id: "100", tagg: "HELP", from: "+18397536474", message: "hi")
            let body = "apikey=sim-apikey&passkey=sim-passkey&tagg=HELP&transaction_id=100&message=ok&paid=MAYBE"
            let result = await ProviderHTTPClient(client: fixture.httpClient).post(
                url: fixture.baseURL + "/api/response/", contentType: "application/x-www-form-urlencoded",
                body: Array(body.utf8))
            let outcome = TaggaReplyClient.outcome(of: result)
            #expect(outcome.returnCode == .invalidInput)
            #expect(TaggaReturnCode.invalidInput.codeClass == .fixable)
        }
    }
}
