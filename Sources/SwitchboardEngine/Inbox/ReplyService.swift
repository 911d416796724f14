import Foundation

/// Answers inbound texts exactly once (docs/provider-contract.md §2 "Exactly once"): local pre-flight, an atomic claim, every
/// POST journaled before it is sent and its outcome after, and the claim released with the resolution that the
/// whole journal (earlier runs included) gives.
package struct ReplyService: Sendable {
    package var store: any InboxReader & ReplyJournal
    package var client: TaggaReplyClient
    package var window: ReplyWindow
    package var paymentRegistered: Bool
    package var operatorName: String
    package var clock: any WallClock
    /// How long a claim holds before another process may take it over (its holder presumed dead).
    package var lease: Duration

    package init(
        store: any InboxReader & ReplyJournal, client: TaggaReplyClient, window: ReplyWindow, paymentRegistered: Bool,
        operatorName: String, clock: any WallClock = SystemWallClock(), lease: Duration = .seconds(180)
    ) {
        self.store = store
        self.client = client
        self.window = window
        self.paymentRegistered = paymentRegistered
        self.operatorName = operatorName
        self.clock = clock
        self.lease = lease
    }

    /// Answers one transaction. Never throws: every way it can end is a ``ReplyReport``.
    package func reply(transactionID: String, message: String, paid: Bool) async -> ReplyReport {
        let transaction: InboxTransaction
        do {
            guard let found = try await store.transaction(id: transactionID) else { return .notFound(transactionID) }
            transaction = found
        } catch {
            return .storeFailed("\(error)", attempts: [])
        }
        let now = clock.now()
        if let refusal = stateRefusal(transaction, now: now) {
            return .refused(refusal)
        }
        if let refusal = ReplyPreflight.firstRefusal(
            tagg: transaction.tagg, transactionID: transaction.id, message: message, paid: paid,
            paymentRegistered: paymentRegistered, receivedAt: transaction.receivedAt, now: now, window: window)
        {
            return .refused(refusal)
        }
        let claim: ReplyClaim
        do {
            switch try await store.claim(
                transactionID: transactionID, operatorName: operatorName, now: now, lease: lease)
            {
            case .claimed(let granted): claim = granted
            case .notFound: return .notFound(transactionID)
            case .inFlight(let holder): return .refused(.replyInFlight, heldBy: holder)
            case .final: return .refused(.alreadyReplied)
            }
        } catch {
            return .storeFailed("\(error)", attempts: [])
        }
        return await send(transaction: transaction, claim: claim, message: message, paid: paid)
    }

    private func send(transaction: InboxTransaction, claim: ReplyClaim, message: String, paid: Bool) async
        -> ReplyReport
    {
        let earlier: [ReplyJournalEntry]
        do {
            earlier = try await store.journal(transactionID: transaction.id)
        } catch {
            try? await store.release(
                transactionID: transaction.id, token: claim.token, resolution: .unknown, replyMessage: nil,
                at: clock.now())
            return .storeFailed("\(error)", attempts: [])
        }
        let request = TaggaReplyRequest(
            tagg: transaction.tagg, transactionID: transaction.id, message: message, paid: paid)
        let retryUntil = transaction.deadline(window: window).addingTimeInterval(-window.safetyMargin.timeInterval)
        let journal = AttemptJournal()
        var storeFailure: String?
        do {
            _ = try await client.reply(
                request, retryUntil: retryUntil,
                beforeAttempt: { _, body in
                    let now = clock.now()
                    journal.current = try await store.beginAttempt(
                        NewReplyAttempt(
                            transactionID: transaction.id, token: claim.token, operatorName: operatorName,
                            message: message, paid: paid, requestBody: body, startedAt: now,
                            leaseUntil: now.addingTimeInterval(lease.timeInterval)))
                },
                onAttempt: { attempt in
                    journal.finished.append(attempt)
                    if let id = journal.current {
                        try await store.finishAttempt(id: id, outcome: attempt.outcome, at: attempt.finishedAt)
                    }
                })
        } catch {
            storeFailure = "\(error)"
        }
        let attempts = journal.finished
        // The whole journal decides, earlier runs included; the text recorded is the one that reached the texter.
        let outcomes = earlier.map(\.asOutcome) + attempts.map(\.outcome)
        let messages = earlier.map(\.message) + attempts.map { _ in message }
        let resolution = TaggaReplyResolution.resolve(outcomes)
        let delivered = TaggaReplyResolution.deliveredAttemptIndex(outcomes).map { messages[$0] }
        do {
            try await store.release(
                transactionID: transaction.id, token: claim.token, resolution: resolution, replyMessage: delivered,
                at: clock.now())
        } catch {
            storeFailure = storeFailure ?? "\(error)"
        }
        if let storeFailure { return .storeFailed(storeFailure, attempts: attempts) }
        return .finished(resolution, attempts: attempts)
    }

    /// Refusals that follow from where the transaction stands.
    private func stateRefusal(_ transaction: InboxTransaction, now: Date) -> PreflightRefusal? {
        switch transaction.status(now: now, window: window) {
        case .pending, .outcomeUnknown: return nil
        case .replying: return .replyInFlight
        case .replied, .rejected, .closed: return .alreadyReplied
        case .expired:
            let overdue = now.timeIntervalSince(transaction.deadline(window: window))
            return .windowClosed(overdueBy: .seconds(max(0, overdue)), window: window.window)
        }
    }
}

/// Carries the journal row of the attempt in flight between the client's hooks (one task, in order).
private final class AttemptJournal: @unchecked Sendable {
    var current: Int64?
    var finished: [TaggaReplyAttempt] = []
}

/// How a reply ended.
package enum ReplyReport: Sendable {
    /// Nothing was sent: a local rule refused it (with the holder of the claim when one is in flight).
    case refused(PreflightRefusal, heldBy: ReplyClaim? = nil)
    /// No such transaction in the store.
    case notFound(String)
    /// The attempts ran; the resolution says where the transaction stands.
    case finished(TaggaReplyResolution, attempts: [TaggaReplyAttempt])
    /// The store failed; `attempts` are the POSTs that did go out (their outcomes may not be recorded).
    case storeFailed(String, attempts: [TaggaReplyAttempt])
}
