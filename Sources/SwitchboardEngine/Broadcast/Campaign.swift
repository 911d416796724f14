import Foundation

/// A broadcast as stored: one body (a template) sent from one sender to a list of recipients, each with its own
/// state, at a rate.
package struct Campaign: Sendable, Hashable {
    package var id: String
    package var createdAt: Date
    package var operatorName: String
    package var sender: String
    /// The body as written, placeholders included (each recipient's rendered body is stored with it).
    package var body: String
    package var rate: BroadcastRate
    package var concurrency: Int
    package var state: CampaignState
    /// Where the recipients came from (a file name, or "typed"), for people.
    package var source: String
    package var recipientCount: Int
    /// Until when the process running it holds it (renewed as it sends); nil or past: nobody runs it now.
    package var runnerLeaseUntil: Date?
    /// Who runs it (a ``RunnerIdentity`` token), while someone does.
    package var runnerToken: String?

    package init(
        id: String, createdAt: Date, operatorName: String, sender: String, body: String, rate: BroadcastRate,
        concurrency: Int, state: CampaignState = .running, source: String, recipientCount: Int,
        runnerLeaseUntil: Date? = nil, runnerToken: String? = nil
    ) {
        self.id = id
        self.createdAt = createdAt
        self.operatorName = operatorName
        self.sender = sender
        self.body = body
        self.rate = rate
        self.concurrency = concurrency
        self.state = state
        self.source = source
        self.recipientCount = recipientCount
        self.runnerLeaseUntil = runnerLeaseUntil
        self.runnerToken = runnerToken
    }

    /// A new campaign id: `c-` and 10 characters easy to read out and type (no 0/o, 1/l).
    package static func newID() -> String {
        let alphabet = Array("23456789abcdefghijkmnpqrstuvwxyz")
        return "c-" + String((0..<10).map { _ in alphabet.randomElement()! })
    }
}
