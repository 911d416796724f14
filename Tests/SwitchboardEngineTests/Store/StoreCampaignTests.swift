import Foundation
import Testing

@testable import SwitchboardEngine

/// Campaigns on every store: one runner at a time, claims committed before the sends, takeover of a dead runner.
@Suite struct StoreCampaignTests {
    let clock = ManualWallClock()

    private func campaign(_ store: any Store, recipients count: Int, at now: Date) async throws {
        let campaign = Campaign(
            id: "c1", createdAt: now, operatorName: "ana", sender: "Shop", body: "Sale today",
            rate: .perSecond(10), concurrency: 2, source: "list.csv", recipientCount: count)
        let recipients = (0..<count).map {
            CampaignRecipient(
                campaignID: "c1", position: $0, phone: "+1555000\($0)", line: $0 + 1, body: "Sale today",
                updatedAt: now)
        }
        try await store.createCampaign(campaign, recipients: recipients)
    }

    @Test(arguments: StoreKind.tested) func aRunnerClaimsInListOrderAndRecordsOutcomes(kind: StoreKind) async throws {
        let store = try await kind.makeStore()
        let now = clock.now()
        try await campaign(store, recipients: 5, at: now)
        #expect(try await store.campaign(id: "c1")?.recipientCount == 5)
        #expect(try await store.campaigns(limit: 10).map(\.id) == ["c1"])
        let acquired = try await store.acquireCampaign(
            id: "c1", runnerToken: "r1", now: now, lease: .seconds(30), replacing: nil)
        #expect(acquired == .acquired(interrupted: 0))
        let first = try await store.campaignStep(
            id: "c1", runnerToken: "r1", outcomes: [], claim: 2, now: now, lease: .seconds(30))
        #expect(first.recipients.map(\.position) == [0, 1])
        #expect(first.recipients.allSatisfy { $0.state == .sending && $0.attempts == 1 })
        let retryAt = now.addingTimeInterval(60)
        let second = try await store.campaignStep(
            id: "c1", runnerToken: "r1",
            outcomes: [
                RecipientOutcome(position: 0, state: .sent, httpStatus: 200, detail: nil),
                RecipientOutcome(position: 1, state: .queued, httpStatus: 429, detail: "slow down", notBefore: retryAt),
            ], claim: 10, now: now, lease: .seconds(30))
        #expect(second.recipients.map(\.position) == [2, 3, 4])
        #expect(second.exhausted == false)
        #expect(second.nextRetryAt == retryAt)
        let tally = try await store.campaignTally(id: "c1")
        #expect(tally[.sent] == 1 && tally[.queued] == 1 && tally[.sending] == 3)
        let waiting = try await store.campaignRecipients(id: "c1", states: [.queued], afterPosition: -1, limit: 10)
        #expect(waiting.map(\.position) == [1])
        #expect(waiting.first?.notBefore == retryAt)
        #expect(waiting.first?.detail == "slow down")
        let all = try await store.campaignRecipients(id: "c1", states: nil, afterPosition: 0, limit: 2)
        #expect(all.map(\.position) == [1, 2])
        try await store.close()
    }

    @Test(arguments: StoreKind.tested) func oneRunnerAtATimeAndADeadOneIsTakenOver(kind: StoreKind) async throws {
        let store = try await kind.makeStore()
        let now = clock.now()
        try await campaign(store, recipients: 3, at: now)
        _ = try await store.acquireCampaign(id: "c1", runnerToken: "r1", now: now, lease: .seconds(30), replacing: nil)
        _ = try await store.campaignStep(
            id: "c1", runnerToken: "r1", outcomes: [], claim: 2, now: now, lease: .seconds(30))
        let refused = try await store.acquireCampaign(
            id: "c1", runnerToken: "r2", now: now.addingTimeInterval(10), lease: .seconds(30), replacing: nil)
        #expect(refused == .heldElsewhere(until: now.addingTimeInterval(30)))
        await #expect(throws: StoreError.self) {
            _ = try await store.requeueCampaignRecipients(id: "c1", states: [.unknown], now: now)
        }
        // r1 dies with two recipients `sending`; after its lease r2 takes over and they become unknown.
        let later = now.addingTimeInterval(31)
        let takeover = try await store.acquireCampaign(
            id: "c1", runnerToken: "r2", now: later, lease: .seconds(30), replacing: nil)
        #expect(takeover == .acquired(interrupted: 2))
        await #expect(throws: StoreError.campaignLost(id: "c1")) {
            _ = try await store.campaignStep(
                id: "c1", runnerToken: "r1", outcomes: [], claim: 1, now: later, lease: .seconds(30))
        }
        let rest = try await store.campaignStep(
            id: "c1", runnerToken: "r2", outcomes: [], claim: 5, now: later, lease: .seconds(30))
        #expect(rest.recipients.map(\.position) == [2])
        let done = try await store.campaignStep(
            id: "c1", runnerToken: "r2",
            outcomes: [RecipientOutcome(position: 2, state: .failed, httpStatus: 500, detail: "boom")], claim: 5,
            now: later, lease: .seconds(30))
        #expect(done.recipients.isEmpty && done.exhausted)
        try await store.releaseCampaign(id: "c1", runnerToken: "r2", state: .finished, now: later)
        #expect(try await store.campaign(id: "c1")?.state == .finished)
        #expect(try await store.campaign(id: "c1")?.runnerToken == nil)
        let requeued = try await store.requeueCampaignRecipients(id: "c1", states: [.failed, .unknown], now: later)
        #expect(requeued == 3)
        #expect(try await store.campaign(id: "c1")?.state == .paused)
        #expect(try await store.campaignTally(id: "c1")[.queued] == 3)
        try await store.close()
    }
}
