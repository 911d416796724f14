import Foundation
import Testing

@testable import SwitchboardEngine
@testable import SwitchboardSimulator

/// What goes over the wire, byte for byte, as the simulator received it.
@Suite struct WireBytesTests {
    @Test func replyRequestBytes() async throws {
        try await SimulatorFixture.with { fixture in
            fixture.simulator.tagga.openTransaction(id: "100", tagg: "HELP", from: "+18397536474", message: "hi")
            let request = TaggaReplyRequest(
                tagg: "HELP", transactionID: "100", message: "Hi there, €5 & 10% off=yes", paid: false)
            _ = await fixture.taggaClient().reply(request)
            let received = try #require(fixture.simulator.requests(to: "/api/response/").first)
            #expect(received.method == "POST")
            #expect(received.uri == "/api/response/")
            #expect(received.header("Content-Type") == "application/x-www-form-urlencoded")
            #expect(
                received.bodyText
                    == "apikey=sim-apikey&passkey=sim-passkey&tagg=HELP&transaction_id=100"
                    + "&message=Hi+there%2C+%E2%82%AC5+%26+10%25+off%3Dyes&paid=FALSE")
        }
    }

    @Test func paidReplySendsTRUE() async throws {
        let registerPayment: (inout SimulatorSettings) -> Void = { $0.paymentRegistered = true }
        try await SimulatorFixture.with(configure: registerPayment) { fixture in
            fixture.simulator.tagga.openTransaction(id: "x y", tagg: "INFO", from: "+18397536474", message: "hi")
            let request = TaggaReplyRequest(tagg: "INFO", transactionID: "x y", message: "", paid: true)
            let (resolution, _) = await fixture.taggaClient().reply(request)
            #expect(resolution == .replied)
            let received = try #require(fixture.simulator.requests.first)
            #expect(received.bodyText.hasSuffix("&tagg=INFO&transaction_id=x+y&message=&paid=TRUE"))
        }
    }

    @Test func sendRequestBytes() async throws {
        try await SimulatorFixture.with { fixture in
            let request = try fixture.sendRequest(to: "+18397536474 ", body: "Hello world", sender: "Tagget")
            let (outcome, attempts) = await fixture.taggetClient().send(request)
            guard case .sent(let response) = outcome else {
                Issue.record("expected sent, got \(outcome)")
                return
            }
            #expect(attempts.count == 1)
            #expect(response.message == "SMS has been sent to recipient successfully.")
            #expect(response.data?["token"] == nil, "the echoed token is not kept")
            let received = try #require(fixture.simulator.requests(to: "/engage/send_sms").first)
            #expect(received.header("Content-Type") == "application/json")
            #expect(
                received.bodyText
                    == #"{"body":"Hello world","id":1001,"sender":"Tagget","to":"+18397536474","token":"sim-token"}"#)
            #expect(fixture.simulator.tagget.deliveries.map(\.to) == ["+18397536474"])
        }
    }
}
