/// Where a transaction stands after a sequence of reply attempts: CONTRACTS.md §2's table, in one place.
package enum TaggaReplyResolution: Sendable, Hashable {
    /// Code 0.
    case replied
    /// Code 19 after an earlier attempt of ours ended unknown: that attempt went through.
    case repliedConfirmedByDuplicate
    /// Code 19 with no earlier unknown attempt: someone else answered it, or it never existed.
    case answeredElsewhere
    /// Code 1.
    case rejected
    /// Code 20.
    case expired
    /// A configuration, fixable or undocumented code: the transaction stays pending.
    case stillPending(TaggaReturnCode)
    /// Every attempt ended without a usable answer.
    case unknown

    /// Resolves the attempts, oldest first.
    package static func resolve(_ outcomes: [TaggaAttemptOutcome]) -> TaggaReplyResolution {
        guard let last = outcomes.last else { return .unknown }
        guard let code = last.returnCode else { return .unknown }
        let earlierUnknown = outcomes.dropLast().contains { $0.returnCode == nil }
        switch code {
        case .success: return .replied
        case .invalidRecipient: return .rejected
        case .transactionTimeout: return .expired
        case .invalidTransaction: return earlierUnknown ? .repliedConfirmedByDuplicate : .answeredElsewhere
        default: return .stillPending(code)
        }
    }

    /// Whether the transaction is over (nothing more can be sent).
    package var isFinal: Bool {
        switch self {
        case .stillPending, .unknown: false
        default: true
        }
    }

    /// One line for a person.
    package var summary: String {
        switch self {
        case .replied: "replied"
        case .repliedConfirmedByDuplicate: "replied (confirmed by duplicate rejection)"
        case .answeredElsewhere: "closed: answered elsewhere or unknown transaction"
        case .rejected: "rejected: recipient not allowed"
        case .expired: "expired: the reply window had passed"
        case .stillPending(let code): "still pending (\(code))"
        case .unknown: "outcome unknown: Tagga's answer never arrived"
        }
    }
}
