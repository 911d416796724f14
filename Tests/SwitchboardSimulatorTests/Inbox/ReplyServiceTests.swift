import Foundation
import Testing

@testable import SwitchboardEngine
@testable import SwitchboardSimulator

/// Exactly-once replies: the reply service against a real SQLite store and the simulator over loopback.
@Suite struct ReplyServiceTests {
    /// A store with one text in it (known to the simulator too), and a reply service pointed at the simulator.
    struct Setup {
        let fixture: SimulatorFixture
        let store: SQLiteStore
        let service: ReplyService

        static func make(
            _ fixture: SimulatorFixture, id: String = "100", receivedAgo: Duration = .seconds(60),
            paymentRegistered: Bool = false
        ) async throws -> Setup {
            let path = FileManager.default.temporaryDirectory.appendingPathComponent(
                "switchboard-reply-\(UUID().uuidString).sqlite"
            ).path
            let store = try SQLiteStore(path: path)
            let received = fixture.clock.now().addingTimeInterval(-receivedAgo.timeInterval)
            fixture.simulator.tagga.openTransaction(id: id, tagg: "HELP", from: "+18397536474", message: "hi")
            let callback = InboundCallback(
                transactionID: id, tagg: "HELP", message: "hi", encoding: .utf8, taggKnown: true,
                receivedAt: received,
                raw: RawCallbackRequest(
                    method: "POST", target: "/tagga", contentType: nil, remoteAddress: nil, body: []))
            _ = try await store.insertCallbacks([callback])
            let service = ReplyService(
                store: store, client: fixture.taggaClient(), window: ReplyWindow(),
                paymentRegistered: paymentRegistered, operatorName: "ana", clock: fixture.clock)
            return Setup(fixture: fixture, store: store, service: service)
        }

        var repliesSeen: Int { fixture.simulator.requests(to: "/api/response/").count }
    }

    @Test func aReplyIsJournaledAndTheTextMarkedReplied() async throws {
        try await SimulatorFixture.with { fixture in
            let setup = try await Setup.make(fixture)
            let report = await setup.service.reply(transactionID: "100", message: "On its way", paid: false)
            guard case .finished(let resolution, let attempts) = report else {
                Issue.record("expected finished, got \(report)")
                return
            }
            #expect(resolution == .replied)
            #expect(attempts.count == 1, "\(attempts)")
            let stored = try #require(try await setup.store.transaction(id: "100"))
            #expect(stored.state == .replied)
            #expect(stored.replyMessage == "On its way")
            let journal = try await setup.store.journal(transactionID: "100")
            #expect(journal.count == 1)
            #expect(journal.first?.returnCode == 0)
            #expect(journal.first?.requestBody.hasPrefix("apikey=***&passkey=***") == true)
            #expect(fixture.simulator.tagga.acceptedReplies.map(\.message) == ["On its way"])
            try await setup.store.close()
        }
    }

    @Test(arguments: [
        (Duration.seconds(30 * 60 + 5), "window closed"),
        (Duration.seconds(30 * 60 - 5), "inside the 10 s safety margin"),
    ])
    func lateRepliesAreRefusedAndNothingIsSent(_ age: Duration, _ label: String) async throws {
        try await SimulatorFixture.with { fixture in
            let setup = try await Setup.make(fixture, receivedAgo: age)
            let report = await setup.service.reply(transactionID: "100", message: "sorry", paid: false)
            guard case .refused(let refusal, _) = report else {
                Issue.record("\(label): expected a refusal, got \(report)")
                return
            }
            #expect(refusal.providerCode == 20, "\(label)")
            #expect(setup.repliesSeen == 0, "\(label): nothing sent")
            #expect(try await setup.store.journal(transactionID: "100").isEmpty)
            try await setup.store.close()
        }
    }

    @Test func tooLongAndPaidWithoutPaymentAreRefusedLocally() async throws {
        try await SimulatorFixture.with { fixture in
            let setup = try await Setup.make(fixture)
            let long = await setup.service.reply(
                transactionID: "100", message: String(repeating: "x", count: 101), paid: false)
            let paid = await setup.service.reply(transactionID: "100", message: "ok", paid: true)
            guard case .refused(let tooLong, _) = long, case .refused(let noPayment, _) = paid else {
                Issue.record("expected two refusals, got \(long) and \(paid)")
                return
            }
            #expect(tooLong.providerCode == 5)
            #expect(noPayment.providerCode == 18)
            #expect(setup.repliesSeen == 0)
            try await setup.store.close()
        }
    }

    @Test func aSecondReplyIsRefusedWithoutAPost() async throws {
        try await SimulatorFixture.with { fixture in
            let setup = try await Setup.make(fixture)
            _ = await setup.service.reply(transactionID: "100", message: "first", paid: false)
            let second = await setup.service.reply(transactionID: "100", message: "second", paid: false)
            guard case .refused(let refusal, _) = second else {
                Issue.record("expected a refusal, got \(second)")
                return
            }
            #expect(refusal == .alreadyReplied)
            #expect(setup.repliesSeen == 1)
            try await setup.store.close()
        }
    }

    @Test func aReplyInFlightElsewhereIsRefused() async throws {
        try await SimulatorFixture.with { fixture in
            let setup = try await Setup.make(fixture)
            _ = try await setup.store.claim(
                transactionID: "100", operatorName: "ben", now: fixture.clock.now(), lease: .seconds(120))
            let report = await setup.service.reply(transactionID: "100", message: "mine", paid: false)
            guard case .refused(let refusal, _) = report else {
                Issue.record("expected a refusal, got \(report)")
                return
            }
            #expect(refusal == .replyInFlight)
            #expect(setup.repliesSeen == 0)
            try await setup.store.close()
        }
    }

    @Test func code19AfterALostAnswerIsAConfirmedReply() async throws {
        try await SimulatorFixture.with(readTimeout: .seconds(1)) { fixture in
            let setup = try await Setup.make(fixture)
            fixture.simulator.faults.script([.timeoutAfterBody], for: .taggaReply)
            let report = await setup.service.reply(transactionID: "100", message: "ok", paid: false)
            guard case .finished(let resolution, _) = report else {
                Issue.record("expected finished, got \(report)")
                return
            }
            #expect(resolution == .repliedConfirmedByDuplicate)
            let stored = try #require(try await setup.store.transaction(id: "100"))
            #expect(stored.state == .replied)
            #expect(stored.resolution == "replied (confirmed by duplicate rejection)")
            #expect(try await setup.store.journal(transactionID: "100").map(\.outcome) == [.unknown, .answered])
            #expect(fixture.simulator.tagga.acceptedReplies.count == 1)
            try await setup.store.close()
        }
    }

    /// The unknown attempt was made by an earlier process that crashed; the 19 now confirms it.
    @Test func code19AfterAnEarlierCrashIsAConfirmedReply() async throws {
        try await SimulatorFixture.with { fixture in
            let setup = try await Setup.make(fixture)
            let now = fixture.clock.now()
            guard
                case .claimed(let claim) = try await setup.store.claim(
                    transactionID: "100", operatorName: "ben", now: now, lease: .seconds(5))
            else { return }
            _ = try await setup.store.beginAttempt(
                NewReplyAttempt(
                    transactionID: "100", token: claim.token, operatorName: "ben", message: "ok", paid: false,
                    requestBody: "", startedAt: now,
                    leaseUntil: now.addingTimeInterval(5)))
            // That POST did reach Tagga before the process died.
            _ = await fixture.taggaClient().reply(
                TaggaReplyRequest(tagg: "HELP", transactionID: "100", message: "ok", paid: false))
            fixture.clock.advance(by: .seconds(6))
            let report = await setup.service.reply(transactionID: "100", message: "ok", paid: false)
            guard case .finished(let resolution, _) = report else {
                Issue.record("expected finished, got \(report)")
                return
            }
            #expect(resolution == .repliedConfirmedByDuplicate)
            #expect(try await setup.store.journal(transactionID: "100").map(\.outcome) == [.abandoned, .answered])
            try await setup.store.close()
        }
    }

    /// "Yes" went out and its answer was lost; the operator retried with "No" and got 19. The customer has "Yes":
    /// that is what the record says.
    @Test func aConfirmedReplyRecordsTheTextThatWasDelivered() async throws {
        try await SimulatorFixture.with(readTimeout: .seconds(1)) { fixture in
            let setup = try await Setup.make(fixture)
            fixture.simulator.faults.script(
                [.timeoutAfterBody, .serverError, .serverError, .serverError], for: .taggaReply)
            let first = await setup.service.reply(transactionID: "100", message: "Yes", paid: false)
            guard case .finished(.unknown, _) = first else {
                Issue.record("expected an unknown outcome, got \(first)")
                return
            }
            let pending = try #require(try await setup.store.transaction(id: "100"))
            #expect(pending.status(now: fixture.clock.now(), window: ReplyWindow()) == .outcomeUnknown)
            let second = await setup.service.reply(transactionID: "100", message: "No", paid: false)
            guard case .finished(.repliedConfirmedByDuplicate, _) = second else {
                Issue.record("expected a confirmed reply, got \(second)")
                return
            }
            let stored = try #require(try await setup.store.transaction(id: "100"))
            #expect(stored.replyMessage == "Yes")
            #expect(fixture.simulator.tagga.acceptedReplies.map(\.message) == ["Yes"])
            try await setup.store.close()
        }
    }

    @Test(arguments: [
        (20, TransactionState.expired, TransactionStatus.expired),
        (5, .pending, .pending),
        (2, .pending, .pending),
        (1, .rejected, .rejected),
        (19, .closed, .closed),
    ])
    func providerCodesSetTheState(_ code: Int, _ state: TransactionState, _ status: TransactionStatus) async throws {
        try await SimulatorFixture.with { fixture in
            let setup = try await Setup.make(fixture)
            fixture.simulator.faults.script([.taggaReturnCode(code)], for: .taggaReply)
            let report = await setup.service.reply(transactionID: "100", message: "ok", paid: false)
            guard case .finished = report else {
                Issue.record("expected finished, got \(report)")
                return
            }
            let stored = try #require(try await setup.store.transaction(id: "100"))
            #expect(stored.state == state)
            #expect(stored.status(now: fixture.clock.now(), window: ReplyWindow()) == status)
            #expect(stored.lastReturnCode == code)
            try await setup.store.close()
        }
    }
}
