import Foundation
import NIOCore

/// The runner's one writer: senders hand in their outcomes and ask for their next recipient, and whatever has
/// gathered while the last commit ran goes into the next one (group commit: outcomes and claims of several
/// senders, one fsync). A claim is committed (`sending`) before the caller gets the recipient, so before its POST.
/// It runs on the senders' event loop, so handing in an outcome costs them no thread hop.
actor CampaignStepper {
    /// What a sender gets back.
    enum Next: Sendable {
        case recipient(CampaignRecipient)
        /// Nothing ready now; retries wait until this time (or something is in flight).
        case wait(until: Date?)
        /// No recipient is queued any more.
        case exhausted
    }

    private struct Request {
        var wantsRecipient: Bool
        var continuation: CheckedContinuation<Next, any Error>
    }

    private let store: any CampaignStore
    private let campaignID: String
    private let token: String
    private let clock: any WallClock
    private let lease: Duration
    private var outcomes: [RecipientOutcome] = []
    private var requests: [Request] = []
    private var flushing = false
    private let executor: any SerialExecutor

    nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    init(
        store: any CampaignStore, campaignID: String, token: String, clock: any WallClock, lease: Duration,
        eventLoop: any EventLoop
    ) {
        executor = eventLoop.executor
        self.store = store
        self.campaignID = campaignID
        self.token = token
        self.clock = clock
        self.lease = lease
    }

    /// Records `outcome` (if any) and, when `claim` is true, returns the next recipient, committed as `sending`.
    /// Returns once the outcome is committed.
    func next(after outcome: RecipientOutcome?, claim: Bool) async throws -> Next {
        if let outcome { outcomes.append(outcome) }
        return try await withCheckedThrowingContinuation { continuation in
            requests.append(Request(wantsRecipient: claim, continuation: continuation))
            if !flushing {
                flushing = true
                Task { await self.flush() }
            }
        }
    }

    /// Commits until nothing is waiting: each round takes everything gathered so far.
    private func flush() async {
        while !requests.isEmpty || !outcomes.isEmpty {
            let round = requests
            let written = outcomes
            requests.removeAll()
            outcomes.removeAll()
            let wanted = round.count { $0.wantsRecipient }
            do {
                let claim = try await store.campaignStep(
                    id: campaignID, runnerToken: token, outcomes: written, claim: wanted, now: clock.now(),
                    lease: lease)
                var handed = claim.recipients.makeIterator()
                for request in round {
                    guard request.wantsRecipient else {
                        request.continuation.resume(returning: .wait(until: nil))
                        continue
                    }
                    if let recipient = handed.next() {
                        request.continuation.resume(returning: .recipient(recipient))
                    } else if claim.exhausted {
                        request.continuation.resume(returning: .exhausted)
                    } else {
                        request.continuation.resume(returning: .wait(until: claim.nextRetryAt))
                    }
                }
            } catch {
                for request in round { request.continuation.resume(throwing: error) }
            }
        }
        flushing = false
    }
}
