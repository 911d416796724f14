/// Where a transaction stands after a sequence of reply attempts: docs/provider-contract.md §2's table, in one place.
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

    /// Resolves the attempts, oldest first. The first final answer decides (0, 1, 19, 20: once Tagga has said
    /// one of these, nothing later changes it); a 19 after an earlier attempt that may have reached Tagga confirms
    /// that attempt. Without a final answer, the last attempt says where the text stands.
    package static func resolve(_ outcomes: [TaggaAttemptOutcome]) -> TaggaReplyResolution {
        for (index, outcome) in outcomes.enumerated() {
            guard let code = outcome.returnCode else { continue }
            switch code {
            case .success: return .replied
            case .invalidRecipient: return .rejected
            case .transactionTimeout: return .expired
            case .invalidTransaction:
                let earlierUnknown = outcomes[..<index].contains { $0.mayHaveReachedProvider }
                return earlierUnknown ? .repliedConfirmedByDuplicate : .answeredElsewhere
            default: continue
            }
        }
        guard let last = outcomes.last else { return .unknown }
        if let code = last.returnCode { return .stillPending(code) }
        return .unknown
    }

    /// Which attempt's text reached the texter, for a resolution that says one did: the attempt answered 0, or
    /// the last attempt that may have reached Tagga before the 19 that confirmed it.
    package static func deliveredAttemptIndex(_ outcomes: [TaggaAttemptOutcome]) -> Int? {
        for (index, outcome) in outcomes.enumerated() {
            switch outcome.returnCode {
            case .success: return index
            case .invalidTransaction: return outcomes[..<index].lastIndex { $0.mayHaveReachedProvider }
            case .invalidRecipient, .transactionTimeout: return nil
            default: continue
            }
        }
        return nil
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
