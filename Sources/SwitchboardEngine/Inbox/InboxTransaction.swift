import Foundation

/// One inbound text and where it stands: a stored row, read back.
package struct InboxTransaction: Sendable, Hashable {
    package var id: String
    package var tagg: String
    package var message: String
    package var encoding: MessageEncoding
    package var taggKnown: Bool
    package var receivedAt: Date
    package var state: TransactionState
    /// The resolution that closed it, in words (e.g. "replied (confirmed by duplicate rejection)").
    package var resolution: String?
    /// The reply text that went through, and when.
    package var replyMessage: String?
    package var repliedAt: Date?
    /// Who answered it (or is answering it).
    package var operatorName: String?
    /// The live or abandoned claim, while `state == .replying`.
    package var claim: ReplyClaim?
    /// The last attempt's outcome, when there was one.
    package var lastAttempt: AttemptOutcomeKind?
    package var lastReturnCode: Int?
    package var attemptCount: Int

    package init(
        id: String, tagg: String, message: String, encoding: MessageEncoding = .utf8, taggKnown: Bool = true,
        receivedAt: Date, state: TransactionState = .pending, resolution: String? = nil, replyMessage: String? = nil,
        repliedAt: Date? = nil, operatorName: String? = nil, claim: ReplyClaim? = nil,
        lastAttempt: AttemptOutcomeKind? = nil, lastReturnCode: Int? = nil, attemptCount: Int = 0
    ) {
        self.id = id
        self.tagg = tagg
        self.message = message
        self.encoding = encoding
        self.taggKnown = taggKnown
        self.receivedAt = receivedAt
        self.state = state
        self.resolution = resolution
        self.replyMessage = replyMessage
        self.repliedAt = repliedAt
        self.operatorName = operatorName
        self.claim = claim
        self.lastAttempt = lastAttempt
        self.lastReturnCode = lastReturnCode
        self.attemptCount = attemptCount
    }

    /// When the reply window closes.
    package func deadline(window: ReplyWindow) -> Date { window.deadline(receivedAt: receivedAt) }

    /// What to show now: the stored state with the clock and the journal applied.
    package func status(now: Date, window: ReplyWindow) -> TransactionStatus {
        switch state {
        case .replied: return .replied
        case .rejected: return .rejected
        case .closed: return .closed
        case .expired: return .expired
        case .replying:
            if let claim, claim.leaseUntil > now { return .replying }
            // The claimer died mid-reply: its last POST may or may not have reached Tagga.
            return now >= deadline(window: window) ? .expired : .outcomeUnknown
        case .pending:
            if now >= deadline(window: window) { return .expired }
            return lastAttempt == .unknown || lastAttempt == .abandoned ? .outcomeUnknown : .pending
        }
    }
}

/// A reply's hold on a transaction: one at a time, with a lease so a crashed holder's claim can be taken over.
package struct ReplyClaim: Sendable, Hashable {
    package var token: String
    package var operatorName: String
    package var claimedAt: Date
    package var leaseUntil: Date

    package init(token: String, operatorName: String, claimedAt: Date, leaseUntil: Date) {
        self.token = token
        self.operatorName = operatorName
        self.claimedAt = claimedAt
        self.leaseUntil = leaseUntil
    }
}
