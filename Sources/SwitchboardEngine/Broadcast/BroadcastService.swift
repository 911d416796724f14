import Foundation

/// Broadcasts for the commands and the console: plan, store, run, look at the results, retry the failed.
package struct BroadcastService: Sendable {
    package let store: any CampaignStore
    package let client: TaggetSendClient
    package let defaultSender: String
    package let defaultRate: BroadcastRate
    package let defaultConcurrency: Int
    package let operatorName: String
    package let clock: any WallClock

    package init(
        store: any CampaignStore, client: TaggetSendClient, defaultSender: String, defaultRate: BroadcastRate,
        defaultConcurrency: Int, operatorName: String, clock: any WallClock = SystemWallClock()
    ) {
        self.store = store
        self.client = client
        self.defaultSender = defaultSender
        self.defaultRate = defaultRate
        self.defaultConcurrency = defaultConcurrency
        self.operatorName = operatorName
        self.clock = clock
    }

    /// Works out a broadcast without storing or sending anything.
    package func plan(recipients: String, fileName: String?, body: String, sender: String? = nil) -> BroadcastPlan {
        BroadcastPlan(recipients: recipients, fileName: fileName, body: body, sender: sender ?? defaultSender)
    }

    /// Stores the campaign of a plan that can be sent; nothing is sent yet.
    package func create(_ plan: BroadcastPlan, rate: BroadcastRate? = nil, concurrency: Int? = nil) async throws
        -> Campaign
    {
        guard plan.canSend, let template = plan.template else {
            throw BroadcastError.notSendable(plan.problems)
        }
        let now = clock.now()
        let id = Campaign.newID()
        let recipients: [CampaignRecipient]
        do { recipients = try plan.campaignRecipients(campaignID: id, now: now) } catch {
            throw BroadcastError.notSendable(["body: \(error)"])
        }
        let campaign = Campaign(
            id: id, createdAt: now, operatorName: operatorName, sender: plan.sender, body: template.source,
            rate: rate ?? defaultRate, concurrency: concurrency ?? defaultConcurrency, source: plan.source,
            recipientCount: recipients.count)
        try await store.createCampaign(campaign, recipients: recipients)
        return campaign
    }

    /// A runner for a stored campaign, at its stored pace unless told otherwise.
    package func runner(for campaign: Campaign, rate: BroadcastRate? = nil, concurrency: Int? = nil)
        -> BroadcastRunner
    {
        BroadcastRunner(
            campaignID: campaign.id, store: store, client: client, rate: rate ?? campaign.rate,
            concurrency: concurrency ?? campaign.concurrency, clock: clock)
    }

    /// Queues the failed recipients of a campaign again (nothing was sent to them); returns how many.
    package func retryFailed(campaignID: String) async throws -> Int {
        try await store.requeueCampaignRecipients(id: campaignID, states: [.failed], now: clock.now())
    }

    /// Queues the unknown recipients again: an explicit operator decision, since they may have been texted.
    package func retryUnknown(campaignID: String) async throws -> Int {
        try await store.requeueCampaignRecipients(id: campaignID, states: [.unknown], now: clock.now())
    }
}

/// Why a broadcast cannot start.
package enum BroadcastError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The plan has problems; each line says one.
    case notSendable([String])

    package var description: String {
        switch self {
        case .notSendable(let problems): "the broadcast cannot be sent: " + problems.joined(separator: "; ")
        }
    }
}
