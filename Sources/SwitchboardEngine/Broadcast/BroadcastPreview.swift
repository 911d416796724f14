/// The body one recipient would get, and how the carrier would split it.
package struct BroadcastPreview: Sendable, Hashable {
    /// Who the preview is for.
    package let recipient: Recipient
    /// The rendered body, verbatim (it may hold control characters from the CSV: sanitise before display).
    package let body: String
    /// The body's encoding and segments.
    package let segments: SegmentReport
    /// Why the body cannot be sent, or nil when it can.
    package let problem: SendBodyError?

    /// The preview of `body` for `recipient`.
    package init(recipient: Recipient, body: String, segments: SegmentReport, problem: SendBodyError?) {
        self.recipient = recipient
        self.body = body
        self.segments = segments
        self.problem = problem
    }
}
