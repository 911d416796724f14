import Foundation

/// One POST of a reply, journaled before it is sent and completed after: the reply journal's row.
package struct ReplyJournalEntry: Sendable, Hashable {
    package var id: Int64
    package var transactionID: String
    package var operatorName: String
    package var message: String
    package var paid: Bool
    /// The form body sent, credentials replaced by `***`.
    package var requestBody: String
    package var startedAt: Date
    package var finishedAt: Date?
    /// nil while in flight (or when the process died before recording it).
    package var outcome: AttemptOutcomeKind?
    package var returnCode: Int?
    /// Tagga's XML as received, or what went wrong.
    package var responseBody: String?
    package var detail: String?
    /// Whether the request was fully written before the attempt failed (nil when not known: counted as written).
    package var requestWritten: Bool?

    package init(
        id: Int64, transactionID: String, operatorName: String, message: String, paid: Bool, requestBody: String,
        startedAt: Date, finishedAt: Date? = nil, outcome: AttemptOutcomeKind? = nil, returnCode: Int? = nil,
        responseBody: String? = nil, detail: String? = nil, requestWritten: Bool? = nil
    ) {
        self.id = id
        self.transactionID = transactionID
        self.operatorName = operatorName
        self.message = message
        self.paid = paid
        self.requestBody = requestBody
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.outcome = outcome
        self.returnCode = returnCode
        self.responseBody = responseBody
        self.detail = detail
        self.requestWritten = requestWritten
    }

    /// The attempt as the resolution rules see it. An attempt with no outcome (its process died) may have
    /// reached Tagga.
    package var asOutcome: TaggaAttemptOutcome {
        if outcome == .answered, let returnCode {
            let response = TaggaResponse(
                transactionID: transactionID, returnCode: TaggaReturnCode(code: returnCode), message: detail)
            return .answered(response, rawBody: responseBody ?? "")
        }
        return .unknown(.transport(detail ?? "no outcome recorded", requestWasWritten: requestWritten ?? true))
    }
}

/// How an attempt ended, as journaled.
package enum AttemptOutcomeKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Tagga answered with a return code.
    case answered
    /// No usable answer: it may or may not have gone through.
    case unknown
    /// Journaled, then its process died before the outcome was recorded: treated as unknown.
    case abandoned
}
