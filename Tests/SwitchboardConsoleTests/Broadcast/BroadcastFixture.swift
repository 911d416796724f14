import Foundation

@testable import SwitchboardConsole
@testable import SwitchboardEngine

/// Broadcast screen states with a fixed clock: a draft, its dry run, a run in progress and its results.
enum BroadcastFixture {
    static let now = ConsoleFixture.now
    static let settings = BroadcastSettings(sender: "Tagget", rate: .perSecond(10), concurrency: 4)

    /// The inbox fixture with broadcasts configured.
    static func state(width: Int = 80, height: Int = 24) -> ConsoleState {
        var state = ConsoleFixture.state(width: width, height: height)
        state.enableBroadcasts(settings)
        return state
    }

    /// `+4477009` numbers, `count` of them, one a line.
    static func numbers(_ count: Int, from first: Int = 1000) -> String {
        (0..<count).map { String(format: "+4477009%05d", first + $0) }.joined(separator: "\n")
    }

    /// Opens `b`, types the recipients and the body, presses Enter, and answers the dry run as the runtime would.
    static func reviewing(
        recipients: String, body: String, fileName: String? = nil, width: Int = 80, height: Int = 24
    ) -> ConsoleState {
        var state = self.state(width: width, height: height)
        ConsoleFixture.apply([.key(.character("b")), .key(.pasteBegin)], to: &state)
        ConsoleFixture.apply(recipients.map { .key($0 == "\n" ? .enter : .character($0)) }, to: &state)
        ConsoleFixture.apply([.key(.pasteEnd), .key(.tab)], to: &state)
        ConsoleFixture.apply(ConsoleFixture.keys(body), to: &state)
        let effects = ConsoleFixture.apply([.key(.enter)], to: &state)
        guard case .planBroadcast(let draft) = effects.first else { return state }
        ConsoleFixture.apply([.broadcastPlanned(planned(draft, fileName: fileName))], to: &state)
        return state
    }

    /// The runtime's answer to a dry-run request.
    static func planned(_ draft: BroadcastDraft, fileName: String? = nil) -> PlannedBroadcast {
        let plan = BroadcastPlan(
            recipients: draft.recipients, fileName: fileName ?? draft.fileName, body: draft.body, sender: draft.sender)
        return PlannedBroadcast(generation: draft.generation, plan: plan)
    }

    static func campaign(recipients: Int = 1204, source: String = "customers.csv") -> Campaign {
        Campaign(
            id: "c-2345abcdef", createdAt: now, operatorName: "ana", sender: "Tagget",
            body: "Hi {name}, your table is ready", rate: .perSecond(10), concurrency: 4, source: source,
            recipientCount: recipients)
    }

    static func progress(
        sent: Int, rejected: Int = 0, failed: Int = 0, unknown: Int = 0, queued: Int, rate: Double = 9.8,
        paused: Bool = false, throttledUntil: Date? = nil, lastProblem: String? = nil
    ) -> BroadcastProgress {
        BroadcastProgress(
            campaignID: "c-2345abcdef",
            tally: CampaignTally(
                counts: [.sent: sent, .rejected: rejected, .failed: failed, .unknown: unknown, .queued: queued]),
            startedAt: now.addingTimeInterval(-49), now: now, recentRate: rate, paused: paused,
            throttledUntil: throttledUntil, lastProblem: lastProblem)
    }

    /// A broadcast to 1,204 sending: 482 sent, 3 rejected, 1 failed, 718 to go.
    static func sending(width: Int = 80, height: Int = 24) -> ConsoleState {
        var state = self.state(width: width, height: height)
        ConsoleFixture.apply([.key(.character("b")), .broadcastStarted(campaign())], to: &state)
        ConsoleFixture.apply(
            [
                .broadcastProgress(
                    progress(
                        sent: 482, rejected: 3, failed: 1, queued: 718,
                        lastProblem: "+447700901007: rejected: invalid recipient number"))
            ], to: &state)
        return state
    }

    static func recipient(
        _ position: Int, _ state: RecipientState, status: Int?, detail: String, attempts: Int = 1
    ) -> CampaignRecipient {
        CampaignRecipient(
            campaignID: "c-2345abcdef", position: position, phone: String(format: "+4477009%05d", 1000 + position),
            line: position + 2, body: "Hi", state: state, attempts: attempts, httpStatus: status, detail: detail,
            updatedAt: now)
    }

    static let notSent: [CampaignRecipient] = [
        recipient(
            7, .rejected, status: 400, detail: "Error sending SMS message to recipient: invalid recipient number."),
        recipient(
            40, .failed, status: 503, detail: "HTTP 503; gave up after 5 attempts, nothing was sent", attempts: 5),
        recipient(212, .unknown, status: nil, detail: "the connection was lost after the request was written"),
    ]

    /// The broadcast once finished, its results loaded.
    static func finished(width: Int = 80, height: Int = 24) -> ConsoleState {
        var state = sending(width: width, height: height)
        let tally = CampaignTally(counts: [.sent: 1201, .rejected: 1, .failed: 1, .unknown: 1])
        ConsoleFixture.apply(
            [
                .broadcastEnded(campaignID: "c-2345abcdef", end: .finished),
                .broadcastResults(campaignID: "c-2345abcdef", tally: tally, notSent: notSent),
            ], to: &state)
        return state
    }
}
