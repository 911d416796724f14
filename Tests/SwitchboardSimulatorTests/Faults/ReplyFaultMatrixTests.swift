import Foundation
import Testing

@testable import SwitchboardEngine
@testable import SwitchboardSimulator

/// Issue 7, faults × replies: ``ReplyService`` with a real SQLite store against the simulated Tagga over loopback,
/// every fault mode of the simulator (and mixes of them) on the way. The simulator is the judge of what went over
/// the wire and what Tagga acted on; the store of what the operator is told.
@Suite struct ReplyFaultMatrixTests {
    @Test(arguments: ReplyFaultCase.matrix)
    func aReplyUnderFaultEndsAsTheContractSays(_ row: ReplyFaultCase) async throws {
        try await SimulatorFixture.with(readTimeout: ReplyFaultCase.readTimeout) { fixture in
            let setup = try await ReplyServiceTests.Setup.make(fixture)
            fixture.simulator.faults.script(row.faults, for: .taggaReply)
            let report = await setup.service.reply(transactionID: "100", message: "On its way", paid: false)
            guard case .finished(let resolution, let attempts) = report else {
                Issue.record("expected finished, got \(report)")
                try await setup.store.close()
                return
            }
            #expect(resolution == row.resolution)
            #expect(attempts.count == row.requests)
            #expect(setup.repliesSeen == row.requests, "the POSTs Tagga received")
            #expect(fixture.simulator.tagga.acceptedReplies.count == row.delivered, "replies Tagga acted on")

            let stored = try #require(try await setup.store.transaction(id: "100"))
            #expect(stored.status(now: fixture.clock.now(), window: ReplyWindow()) == row.status)
            #expect(stored.claim == nil, "the claim is released")
            if row.status == .replied {
                #expect(stored.replyMessage == "On its way")
                #expect(stored.resolution == row.resolution.summary)
            } else {
                #expect(stored.state == .pending, "an unknown outcome leaves the text open to a retry")
            }
            let journal = try await setup.store.journal(transactionID: "100")
            #expect(journal.map(\.returnCode) == row.journal)
            #expect(journal.map(\.outcome) == row.journal.map { $0 == nil ? .unknown : .answered })
            #expect(journal.allSatisfy { $0.finishedAt != nil }, "every POST's outcome is recorded")
            try await setup.store.close()
        }
    }

    /// After four unknown outcomes the operator retries by hand: a reply that did reach Tagga is confirmed by
    /// its 19, and Tagga still acted on one reply only.
    @Test func anUnknownOutcomeRetriedByHandIsConfirmedOnce() async throws {
        try await SimulatorFixture.with(readTimeout: ReplyFaultCase.readTimeout) { fixture in
            let setup = try await ReplyServiceTests.Setup.make(fixture)
            fixture.simulator.faults.script(Array(repeating: .dropAfterBody, count: 4), for: .taggaReply)
            guard
                case .finished(.unknown, _) = await setup.service.reply(
                    transactionID: "100", message: "Yes", paid: false)
            else {
                Issue.record("expected an unknown outcome first")
                try await setup.store.close()
                return
            }
            let again = await setup.service.reply(transactionID: "100", message: "Yes", paid: false)
            guard case .finished(.repliedConfirmedByDuplicate, let attempts) = again else {
                Issue.record("expected a confirmed reply, got \(again)")
                try await setup.store.close()
                return
            }
            #expect(attempts.count == 1)
            #expect(setup.repliesSeen == 5)
            #expect(fixture.simulator.tagga.acceptedReplies.map(\.message) == ["Yes"])
            let journal = try await setup.store.journal(transactionID: "100")
            #expect(journal.map(\.returnCode) == [nil, nil, nil, nil, 19])
            try await setup.store.close()
        }
    }
}
