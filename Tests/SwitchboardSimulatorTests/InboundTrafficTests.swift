import Foundation
import Synchronization
import Testing

@testable import SwitchboardEngine
@testable import SwitchboardSimulator

/// The inbound generator posts forms to a callback and resends until it gets a 200.
@Suite struct InboundTrafficTests {
    @Test func resendsUntilAcknowledged() async throws {
        let received = Mutex<[RecordedRequest]>([])
        let sink = SimulatorHTTPServer { request in
            let count = received.withLock {
                $0.append(request)
                return $0.count
            }
            return count < 3
                ? .respond(.text(.serviceUnavailable, "busy\n"), after: .zero)
                : .respond(
                    .text(.ok, "OK"), after: .zero)
        }
        let port = try await sink.start(host: "127.0.0.1", port: 0)
        let client = ProviderHTTPClient.makeClient()
        let account = SimulatedTaggaAccount(settings: SimulatorSettings(), clock: ManualWallClock())
        let generator = InboundTrafficGenerator(
            account: account, callbackURL: "http://127.0.0.1:\(port)/tagga", client: client,
            ackTimeout: .seconds(2), maximumDeliveries: 5, backoff: .immediate)
        await generator.run(rate: 1000, count: 1)
        try await client.shutdown()
        await sink.stop()

        let requests = received.withLock { $0 }
        #expect(requests.count == 3)
        #expect(generator.statistics == .init(generated: 1, acknowledged: 1, resends: 2, abandoned: 0))
        let first = try #require(requests.first)
        #expect(first.header("Content-Type") == "application/x-www-form-urlencoded")
        let fields = try #require(FormURLEncoding.decode(bytes: first.body))
        #expect(fields.map(\.name) == ["transaction_id", "tagg", "message"])
        let id = try #require(fields.first?.value)
        #expect(account.transaction(id) != nil, "the fake Tagga knows the transaction it posted")
        #expect(Set(requests.map(\.bodyText)).count == 1, "a resend is the same callback")
    }

    @Test func givesUpAfterTheLastAttempt() async throws {
        let sink = SimulatorHTTPServer { _ in .respond(.text(.internalServerError, "no\n"), after: .zero) }
        let port = try await sink.start(host: "127.0.0.1", port: 0)
        let client = ProviderHTTPClient.makeClient()
        let generator = InboundTrafficGenerator(
            account: SimulatedTaggaAccount(settings: SimulatorSettings(), clock: ManualWallClock()),
            callbackURL: "http://127.0.0.1:\(port)/tagga", client: client, maximumDeliveries: 3, backoff: .immediate)
        await generator.run(rate: 1000, count: 2)
        try await client.shutdown()
        await sink.stop()
        #expect(generator.statistics == .init(generated: 2, acknowledged: 0, resends: 4, abandoned: 2))
    }
}
