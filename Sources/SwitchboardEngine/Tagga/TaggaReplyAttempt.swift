import Foundation

/// One POST of a reply and what came back: the unit the reply journal records.
package struct TaggaReplyAttempt: Sendable {
    package var number: Int
    package var startedAt: Date
    package var finishedAt: Date
    /// The exact form body sent, with the credentials replaced by `***`.
    package var redactedRequestBody: String
    package var outcome: TaggaAttemptOutcome

    package init(
        number: Int, startedAt: Date, finishedAt: Date, redactedRequestBody: String, outcome: TaggaAttemptOutcome
    ) {
        self.number = number
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.redactedRequestBody = redactedRequestBody
        self.outcome = outcome
    }
}

/// What one attempt came to.
package enum TaggaAttemptOutcome: Sendable {
    /// Tagga answered with a parseable XML document.
    case answered(TaggaResponse, rawBody: String)
    /// Nobody can tell whether Tagga acted on the reply.
    case unknown(TaggaUnknownReason)

    package var returnCode: TaggaReturnCode? {
        if case .answered(let response, _) = self { return response.returnCode }
        return nil
    }

    /// Whether this attempt may have been acted on by Tagga without our knowing: an unknown outcome, unless the
    /// request provably never left (a failure before it was fully written).
    package var mayHaveReachedProvider: Bool {
        switch self {
        case .answered: false
        case .unknown(.transport(_, let written)): written
        case .unknown: true
        }
    }
}

/// Why an attempt's outcome is unknown. None of these is ever a success.
package enum TaggaUnknownReason: Sendable, CustomStringConvertible {
    case transport(String, requestWasWritten: Bool)
    case httpStatus(Int, body: String)
    case unparseable(body: String)

    package var description: String {
        switch self {
        case .transport(let reason, _): "no answer from Tagga (\(reason))"
        case .httpStatus(let status, _): "Tagga answered HTTP \(status)"
        case .unparseable: "Tagga's answer was not the XML it documents"
        }
    }
}
