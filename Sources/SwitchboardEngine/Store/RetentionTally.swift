/// How many rows retention removed (or, in a dry run, would remove), by kind.
package struct RetentionTally: Sendable, Hashable {
    /// Texts (`inbound_transaction` rows).
    package var texts = 0
    /// Their journal entries (`reply_attempt` rows).
    package var attempts = 0
    /// Their raw requests (`callback_request` rows).
    package var rawRequests = 0
    /// Soft locks pointing at them (`composing_mark` rows).
    package var composingMarks = 0
    /// Broadcasts (`campaign` rows).
    package var campaigns = 0
    /// Their recipients (`campaign_recipient` rows).
    package var recipients = 0

    package init(
        texts: Int = 0, attempts: Int = 0, rawRequests: Int = 0, composingMarks: Int = 0, campaigns: Int = 0,
        recipients: Int = 0
    ) {
        self.texts = texts
        self.attempts = attempts
        self.rawRequests = rawRequests
        self.composingMarks = composingMarks
        self.campaigns = campaigns
        self.recipients = recipients
    }

    /// Whether nothing at all is counted.
    package var isEmpty: Bool { self == RetentionTally() }

    /// Both tallies added up.
    package static func + (left: RetentionTally, right: RetentionTally) -> RetentionTally {
        RetentionTally(
            texts: left.texts + right.texts, attempts: left.attempts + right.attempts,
            rawRequests: left.rawRequests + right.rawRequests,
            composingMarks: left.composingMarks + right.composingMarks, campaigns: left.campaigns + right.campaigns,
            recipients: left.recipients + right.recipients)
    }

    /// Adds `other` to this tally.
    package static func += (left: inout RetentionTally, right: RetentionTally) { left = left + right }
}
