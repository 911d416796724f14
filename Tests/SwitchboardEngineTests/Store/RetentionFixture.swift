import Foundation

@testable import SwitchboardEngine

/// Texts and campaigns in every state retention must tell apart, put in a store through its own API.
enum RetentionFixture {
    static let day: TimeInterval = 86_400

    /// Receives `id` at `receivedAt`, then answers it (claim, one journaled attempt with Tagga's `code`, release)
    /// at `answeredAt`, leaving it in the final state that answer gives.
    static func answered(
        _ store: any Store, _ id: String, receivedAt: Date, answeredAt: Date, code: TaggaReturnCode = .success
    ) async throws {
        _ = try await store.insertCallbacks([StoreFixture.callback(id, at: receivedAt)])
        guard
            case .claimed(let claim) = try await store.claim(
                transactionID: id, operatorName: "ana", now: answeredAt, lease: .seconds(180))
        else { throw FixtureError("no claim on \(id)") }
        let attempt = try await store.beginAttempt(
            NewReplyAttempt(
                transactionID: id, token: claim.token, operatorName: "ana", message: "On its way", paid: false,
                requestBody: "apikey=***", startedAt: answeredAt, leaseUntil: answeredAt.addingTimeInterval(180)))
        let answer = TaggaResponse(transactionID: id, returnCode: code, message: "answer")
        try await store.finishAttempt(id: attempt, outcome: .answered(answer, rawBody: answer.xml), at: answeredAt)
        let resolution = TaggaReplyResolution.resolve([.answered(answer, rawBody: answer.xml)])
        try await store.release(
            transactionID: id, token: claim.token, resolution: resolution, replyMessage: "On its way", at: answeredAt)
    }

    /// Receives `id` at `receivedAt` and claims it at `claimedAt` (a reply in flight, its lease 3 minutes).
    static func claimed(_ store: any Store, _ id: String, receivedAt: Date, claimedAt: Date) async throws {
        _ = try await store.insertCallbacks([StoreFixture.callback(id, at: receivedAt)])
        guard
            case .claimed = try await store.claim(
                transactionID: id, operatorName: "ben", now: claimedAt, lease: .seconds(180))
        else { throw FixtureError("no claim on \(id)") }
    }

    /// A campaign created at `createdAt` in `state`, with `count` recipients.
    static func campaign(
        _ store: any Store, _ id: String, createdAt: Date, state: CampaignState, recipients count: Int
    ) async throws {
        let campaign = Campaign(
            id: id, createdAt: createdAt, operatorName: "ana", sender: "Shop", body: "Sale today",
            rate: .perSecond(10), concurrency: 2, state: state, source: "list.csv", recipientCount: count)
        let recipients = (0..<count).map {
            CampaignRecipient(
                campaignID: id, position: $0, phone: "+1555000\($0)", line: $0 + 1, body: "Sale today",
                updatedAt: createdAt)
        }
        try await store.createCampaign(campaign, recipients: recipients)
    }

    /// Every text id in the store.
    static func ids(_ store: any Store) async throws -> Set<String> {
        Set(try await store.transactions(.all).map(\.id))
    }

    struct FixtureError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
