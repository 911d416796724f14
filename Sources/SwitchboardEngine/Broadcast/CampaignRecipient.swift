import Foundation

/// One recipient of a stored campaign: the number, the body rendered for it, and what became of it.
package struct CampaignRecipient: Sendable, Hashable {
    package var campaignID: String
    /// Its place in the list (0-based); recipients are sent in this order.
    package var position: Int
    /// E.164.
    package var phone: String
    /// The line of the recipients file it came from (1-based; 0 when typed without lines).
    package var line: Int
    package var body: String
    package var state: RecipientState
    /// POSTs made for it so far.
    package var attempts: Int
    /// The last HTTP status Tagget answered, if any.
    package var httpStatus: Int?
    /// What happened, for people (Tagget's message, or why there was no answer).
    package var detail: String?
    /// A transient failure's retry is not claimed before this.
    package var notBefore: Date?
    package var updatedAt: Date

    package init(
        campaignID: String, position: Int, phone: String, line: Int, body: String, state: RecipientState = .queued,
        attempts: Int = 0, httpStatus: Int? = nil, detail: String? = nil, notBefore: Date? = nil, updatedAt: Date
    ) {
        self.campaignID = campaignID
        self.position = position
        self.phone = phone
        self.line = line
        self.body = body
        self.state = state
        self.attempts = attempts
        self.httpStatus = httpStatus
        self.detail = detail
        self.notBefore = notBefore
        self.updatedAt = updatedAt
    }
}

/// What one send did to its recipient, written after the POST (in the same commit as the next claims).
package struct RecipientOutcome: Sendable, Hashable {
    package var position: Int
    /// `sent`, `rejected`, `failed`, `unknown`, or `queued` again for a retry after `notBefore`.
    package var state: RecipientState
    package var httpStatus: Int?
    package var detail: String?
    package var notBefore: Date?

    package init(position: Int, state: RecipientState, httpStatus: Int?, detail: String?, notBefore: Date? = nil) {
        self.position = position
        self.state = state
        self.httpStatus = httpStatus
        self.detail = detail
        self.notBefore = notBefore
    }
}

/// What a campaign step handed out: the recipients now `sending` for this runner, and whether any are left.
package struct CampaignClaim: Sendable, Hashable {
    package var recipients: [CampaignRecipient]
    /// No recipient is queued any more (waiting retries included): once the ones in flight end, it is over.
    package var exhausted: Bool
    /// When fewer were handed out than asked for because the rest wait for a retry: when the earliest may go.
    package var nextRetryAt: Date?

    package init(recipients: [CampaignRecipient], exhausted: Bool, nextRetryAt: Date?) {
        self.recipients = recipients
        self.exhausted = exhausted
        self.nextRetryAt = nextRetryAt
    }
}

/// What asking to run a campaign gave.
package enum CampaignAcquisition: Sendable, Hashable {
    /// This runner holds it now; `interrupted` recipients were found `sending` (their process died mid-send) and
    /// are now `unknown`.
    case acquired(interrupted: Int)
    /// Another process runs it; its hold lasts until this time unless renewed.
    case heldElsewhere(until: Date)
    case notFound
}
