import Foundation

/// Broadcasts (the provider contract, §4): campaigns, their recipients, and the one runner that holds each.
package protocol CampaignStore: Sendable {
    /// Stores a new campaign and its recipients (all `queued`) in one transaction.
    func createCampaign(_ campaign: Campaign, recipients: [CampaignRecipient]) async throws

    /// One campaign by id.
    func campaign(id: String) async throws -> Campaign?

    /// The newest campaigns first.
    func campaigns(limit: Int) async throws -> [Campaign]

    /// How many of a campaign's recipients are in each state.
    func campaignTally(id: String) async throws -> CampaignTally

    /// A campaign's recipients in list order, after `afterPosition` (-1 for the start), optionally only some states.
    func campaignRecipients(id: String, states: Set<RecipientState>?, afterPosition: Int, limit: Int) async throws
        -> [CampaignRecipient]

    /// Takes a campaign to run it, unless another runner holds a live lease (a holder whose token is `replacing`
    /// is known dead and is replaced at once). Taking it over marks the recipients left `sending` by a dead runner
    /// `unknown` (never re-sent automatically) and the campaign `running`.
    func acquireCampaign(id: String, runnerToken: String, now: Date, lease: Duration, replacing: String?) async throws
        -> CampaignAcquisition

    /// One step of a runner, in one commit: records `outcomes`, then claims up to `claim` ready recipients (queued,
    /// retry time passed) in list order and marks them `sending` (committed before their POST), and renews the
    /// lease. Throws ``StoreError/campaignLost(id:)`` when `runnerToken` no longer holds the campaign.
    func campaignStep(
        id: String, runnerToken: String, outcomes: [RecipientOutcome], claim: Int, now: Date, lease: Duration
    ) async throws -> CampaignClaim

    /// Lets go of a campaign, leaving it in `state`.
    func releaseCampaign(id: String, runnerToken: String, state: CampaignState, now: Date) async throws

    /// Queues recipients in `states` again (the operator's "retry failed", or an explicit retry of unknown ones);
    /// returns how many. Refused while a runner holds the campaign.
    func requeueCampaignRecipients(id: String, states: Set<RecipientState>, now: Date) async throws -> Int
}
