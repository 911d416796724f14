import Foundation
import Testing

@testable import SwitchboardEngine
@testable import SwitchboardSimulator

/// Issue 7, faults × broadcasts: ``BroadcastRunner`` with a real SQLite store against the simulated Tagget over
/// loopback. Each row's faults hit one recipient in the middle of a campaign; the others must go through once,
/// whatever happens to it. The simulator is the judge of what went over the wire and what it acted on.
@Suite struct BroadcastFaultMatrixTests {
    @Test(arguments: BroadcastFaultCase.matrix)
    func aFaultOnOneRecipientEndsAsTheContractSays(_ row: BroadcastFaultCase) async throws {
        try await SimulatorFixture.with(readTimeout: BroadcastFaultCase.readTimeout) { fixture in
            let setup = try await BroadcastSetup.make(fixture, count: 6, concurrency: 3)
            let unlucky = BroadcastSetup.phones(6)[2]
            fixture.simulator.faults.script(row.faults, forRecipient: unlucky)
            let (end, _) = try await setup.runner().run()
            #expect(end == .finished)
            let recipients = try await setup.recipients()
            let hit = try #require(recipients.first { $0.phone == unlucky })
            Self.check(hit, against: row, setup: setup)
            let others = recipients.filter { $0.phone != unlucky }
            #expect(others.allSatisfy { $0.state == .sent && $0.attempts == 1 }, "\(others.map(\.state))")
            #expect(others.allSatisfy { setup.sendsByRecipient[$0.phone] == 1 }, "the others are texted once")
            #expect(try await setup.store.campaign(id: setup.campaign.id)?.state == .finished)
            try await setup.store.close()
        }
    }

    /// Every row at once, each on its own recipient of one campaign, with four senders: the faults overlap in
    /// time (a 429 pauses everyone while another recipient hangs), and each recipient still ends as its row says.
    @Test func everyFaultAtOnceInOneCampaign() async throws {
        try await SimulatorFixture.with(readTimeout: BroadcastFaultCase.readTimeout) { fixture in
            let rows = BroadcastFaultCase.matrix
            let count = rows.count * 2 + 4
            let setup = try await BroadcastSetup.make(fixture, count: count, concurrency: 4)
            let phones = BroadcastSetup.phones(count)
            // The faulted recipients are spread through the list: every other one from the third on.
            var faulted: [String: BroadcastFaultCase] = [:]
            for (index, row) in rows.enumerated() {
                let phone = phones[2 + index * 2]
                faulted[phone] = row
                fixture.simulator.faults.script(row.faults, forRecipient: phone)
            }
            #expect(faulted.count == rows.count)
            let (end, _) = try await setup.runner().run()
            #expect(end == .finished)
            let recipients = try await setup.recipients()
            #expect(recipients.count == count)
            for recipient in recipients {
                if let row = faulted[recipient.phone] {
                    Self.check(recipient, against: row, setup: setup)
                } else {
                    #expect(recipient.state == .sent, "\(recipient.phone): \(recipient.detail ?? "")")
                    #expect(setup.sendsByRecipient[recipient.phone] == 1)
                }
            }
            let tally = try await setup.store.campaignTally(id: setup.campaign.id)
            #expect(tally[.queued] == 0 && tally[.sending] == 0, "\(tally.summary)")
            try await setup.store.close()
        }
    }

    /// Faults by chance on every send (seeded): whatever the mix, nobody is texted twice, every recipient ends
    /// final, its row counts exactly the POSTs made for it, and a recipient that may have been texted is never
    /// sent again.
    @Test func randomFaultsNeverTextAnyoneTwice() async throws {
        try await SimulatorFixture.with(readTimeout: .seconds(1)) { fixture in
            var plan = FaultPlan()
            plan.serverErrorShare = 0.15
            plan.throttleShare = 0.05
            plan.timeoutShare = 0.05
            plan.dropShare = 0.1
            plan.retryAfterSeconds = nil
            fixture.simulator.faults.setPlan(plan)
            let count = 40
            let setup = try await BroadcastSetup.make(fixture, count: count, concurrency: 4)
            let (end, _) = try await setup.runner().run()
            #expect(end == .finished)
            let recipients = try await setup.recipients()
            let deliveries = Dictionary(grouping: fixture.simulator.tagget.deliveries, by: \.to)
            var states: [RecipientState: Int] = [:]
            for recipient in recipients {
                states[recipient.state, default: 0] += 1
                let delivered = deliveries[recipient.phone]?.count ?? 0
                let requests = setup.sendsByRecipient[recipient.phone] ?? 0
                #expect(delivered <= 1, "\(recipient.phone) texted \(delivered) times")
                #expect(recipient.attempts == requests, "\(recipient.phone): the row counts every POST")
                #expect(requests <= 5)
                switch recipient.state {
                case .sent, .unknown:
                    #expect(delivered == 1, "\(recipient.phone) \(recipient.state)")
                case .failed:
                    #expect(delivered == 0 && requests == 5, "\(recipient.phone) failed")
                default:
                    Issue.record("\(recipient.phone) ended \(recipient.state)")
                }
            }
            #expect(states[.sent, default: 0] > count / 2, "\(states)")
            #expect(states[.unknown, default: 0] > 0, "the seed gives some lost answers: \(states)")
            try await setup.store.close()
        }
    }

    /// One recipient's row against its case.
    private static func check(_ recipient: CampaignRecipient, against row: BroadcastFaultCase, setup: BroadcastSetup) {
        let delivered = setup.fixture.simulator.tagget.deliveries.filter { $0.to == recipient.phone }.count
        #expect(recipient.state == row.state, "\(row.name): \(recipient.detail ?? "")")
        #expect(recipient.attempts == row.requests, "\(row.name): attempts on the row")
        #expect(setup.sendsByRecipient[recipient.phone] == row.requests, "\(row.name): POSTs Tagget received")
        #expect(delivered == row.delivered, "\(row.name): texts Tagget acted on")
        #expect(recipient.httpStatus == row.httpStatus, "\(row.name)")
        #expect(recipient.detail?.contains(row.detail) == true, "\(row.name): \(recipient.detail ?? "no detail")")
    }
}
