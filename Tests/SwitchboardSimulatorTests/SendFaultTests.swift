import Foundation
import Testing

@testable import SwitchboardEngine
@testable import SwitchboardSimulator

/// Tagget sends under injected faults: transient failures retried, an answer lost after the write never re-sent.
@Suite struct SendFaultTests {
    @Test func throttledThenAcceptedTextsOnce() async throws {
        try await SimulatorFixture.with { fixture in
            fixture.simulator.faults.script([.throttled(retryAfterSeconds: 2)], for: .taggetSend)
            let (outcome, attempts) = await fixture.taggetClient().send(try fixture.sendRequest())
            #expect(outcome.state == "sent")
            #expect(attempts.map(\.verdict) == [.transient(retryAfter: .seconds(2)), .sent])
            #expect(fixture.simulator.requests(to: "/engage/send_sms").count == 2)
            #expect(fixture.simulator.tagget.deliveries.count == 1)
            #expect(fixture.sleeps.withLock { $0 } == [.seconds(2)], "Retry-After is honoured")
        }
    }

    @Test func fiveServerErrorsFailAfterFiveAttempts() async throws {
        try await SimulatorFixture.with { fixture in
            fixture.simulator.faults.script(Array(repeating: .serverError, count: 5), for: .taggetSend)
            let (outcome, attempts) = await fixture.taggetClient().send(try fixture.sendRequest())
            guard case .failed(let reason) = outcome else {
                Issue.record("expected failed, got \(outcome)")
                return
            }
            #expect(reason.contains("HTTP 500"))
            #expect(attempts.count == 5)
            #expect(fixture.simulator.requests(to: "/engage/send_sms").count == 5)
            #expect(fixture.simulator.tagget.deliveries.isEmpty)
        }
    }

    @Test func timeoutAfterWriteIsUnknownAndNotRetried() async throws {
        try await SimulatorFixture.with(readTimeout: .seconds(1)) { fixture in
            fixture.simulator.faults.script([.timeoutAfterBody], for: .taggetSend)
            let (outcome, attempts) = await fixture.taggetClient().send(try fixture.sendRequest())
            #expect(outcome.state == "unknown")
            #expect(attempts.count == 1)
            #expect(fixture.simulator.requests(to: "/engage/send_sms").count == 1, "exactly one request")
        }
    }

    @Test func droppedConnectionAfterWriteIsUnknownAndNotRetried() async throws {
        try await SimulatorFixture.with { fixture in
            fixture.simulator.faults.script([.dropAfterBody], for: .taggetSend)
            let (outcome, _) = await fixture.taggetClient().send(try fixture.sendRequest())
            #expect(outcome.state == "unknown")
            #expect(fixture.simulator.requests(to: "/engage/send_sms").count == 1)
            #expect(fixture.simulator.tagget.deliveries.count == 1, "the provider did act on it")
        }
    }

    @Test func refusedConnectionIsRetriedThenFails() async throws {
        try await SimulatorFixture.with { fixture in
            // A port bound but not listening refuses connections, and nobody else can take it meanwhile (a
            // stopped server's port could be reused by a test running in parallel).
            let closed = try RefusingPort()
            defer { closed.close() }
            var client = fixture.taggetClient()
            client.account.baseURL = "http://127.0.0.1:\(closed.port)"
            let (outcome, attempts) = await client.send(try fixture.sendRequest())
            #expect(outcome.state == "failed")
            #expect(attempts.count == 5)
            #expect(attempts.allSatisfy { $0.verdict == .transient(retryAfter: nil) })
        }
    }

    @Test func badNumberSenderOrCredentialsAreRejectedOnce() async throws {
        try await SimulatorFixture.with { fixture in
            let (outcome, attempts) = await fixture.taggetClient(token: "wrong").send(try fixture.sendRequest())
            guard case .rejected(let status, let message) = outcome else {
                Issue.record("expected rejected, got \(outcome)")
                return
            }
            #expect(status == 400)
            #expect(message.contains("invalid id or token"))
            #expect(attempts.count == 1)
            #expect(fixture.simulator.tagget.deliveries.isEmpty)
        }
    }
}

/// Tagga replies under injected faults: unknown outcomes retried, and 19 after an unknown read as confirmation.
@Suite struct ReplyFaultTests {
    @Test func lostAnswerThenDuplicateIsConfirmedReply() async throws {
        try await SimulatorFixture.with(readTimeout: .seconds(1)) { fixture in
            fixture.simulator.tagga.openTransaction(id: "100", tagg: "HELP", from: "+18397536474", message: "hi")
            fixture.simulator.faults.script([.timeoutAfterBody], for: .taggaReply)
            let request = TaggaReplyRequest(tagg: "HELP", transactionID: "100", message: "ok", paid: false)
            let (resolution, attempts) = await fixture.taggaClient().reply(request)
            #expect(attempts.count == 2)
            #expect(attempts.first?.outcome.returnCode == nil)
            #expect(attempts.last?.outcome.returnCode == .invalidTransaction)
            #expect(resolution == .repliedConfirmedByDuplicate)
            #expect(fixture.simulator.tagga.acceptedReplies.count == 1, "the text was answered once")
        }
    }

    @Test func serverErrorIsUnknownThenRetried() async throws {
        try await SimulatorFixture.with { fixture in
            fixture.simulator.tagga.openTransaction(id: "100", tagg: "HELP", from: "+18397536474", message: "hi")
            fixture.simulator.faults.script([.serverError, .serverError], for: .taggaReply)
            let request = TaggaReplyRequest(tagg: "HELP", transactionID: "100", message: "ok", paid: false)
            let (resolution, attempts) = await fixture.taggaClient().reply(request)
            #expect(attempts.count == 3)
            #expect(resolution == .replied)
        }
    }

    @Test func unknownOutcomesStopAfterThreeRetries() async throws {
        try await SimulatorFixture.with { fixture in
            fixture.simulator.faults.script(Array(repeating: .serverError, count: 6), for: .taggaReply)
            let request = TaggaReplyRequest(tagg: "HELP", transactionID: "100", message: "ok", paid: false)
            let (resolution, attempts) = await fixture.taggaClient().reply(request)
            #expect(attempts.count == 4, "one attempt and three retries")
            #expect(resolution == .unknown)
            #expect(attempts.allSatisfy { $0.redactedRequestBody.hasPrefix("apikey=***&passkey=***&tagg=HELP") })
        }
    }

    @Test func noRetryOnceTheWindowHasClosed() async throws {
        try await SimulatorFixture.with { fixture in
            fixture.simulator.faults.script([.serverError], for: .taggaReply)
            let request = TaggaReplyRequest(tagg: "HELP", transactionID: "100", message: "ok", paid: false)
            let (resolution, attempts) = await fixture.taggaClient().reply(
                request, retryUntil: fixture.clock.now())
            #expect(attempts.count == 1)
            #expect(resolution == .unknown)
        }
    }
}

/// A loopback port that is bound but not listening: connections to it are refused.
struct RefusingPort {
    let descriptor: Int32
    let port: Int

    init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.descriptor = descriptor
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0
            }
        }
        guard bound else { throw POSIXError(.EADDRINUSE) }
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    func close() {
        _ = Glibc.close(descriptor)
    }
}
