/// A reply refused before any request is sent, named by the Tagga return code it stands for.
package enum PreflightRefusal: Sendable, Hashable, CustomStringConvertible {
    /// Code 3: the tagg or the transaction ID is empty.
    case missingField(ReplyField)
    /// Code 20: the reply window has closed.
    case windowClosed(overdueBy: Duration, window: Duration)
    /// Code 20: less than the safety margin is left; the reply could arrive late.
    case insideSafetyMargin(timeLeft: Duration, safetyMargin: Duration)
    /// Code 18: `paid` while the configuration says no payment is registered.
    case paymentNotRegistered
    /// Code 5: the message is too long for its character set and `paid` flag.
    case messageTooLong(ReplyLengthReport)
    /// Code 19: this transaction has already been replied to (checked by the store).
    case alreadyReplied
    /// Code 19: a reply to this transaction is in flight from someone (checked by the store).
    case replyInFlight

    /// The Tagga return code this refusal stands for.
    package var providerCode: Int {
        switch self {
        case .missingField: 3
        case .windowClosed, .insideSafetyMargin: 20
        case .paymentNotRegistered: 18
        case .messageTooLong: 5
        case .alreadyReplied, .replyInFlight: 19
        }
    }

    /// One line: what is wrong.
    package var reason: String {
        switch self {
        case .missingField(let field):
            return "The \(field.wireName) is empty."
        case .windowClosed(let overdueBy, let window):
            return "Too late: the \(RuleDurationText.describe(window)) reply window closed "
                + "\(RuleDurationText.describe(overdueBy)) ago."
        case .insideSafetyMargin(let timeLeft, let safetyMargin):
            return "Too late to send safely: only \(RuleDurationText.describe(timeLeft)) left, "
                + "less than the \(RuleDurationText.describe(safetyMargin)) safety margin."
        case .paymentNotRegistered:
            return "Paid reply, but no payment is registered with Tagga."
        case .messageTooLong(let report):
            return "Message too long: \(report.used)/\(report.limit) \(report.charset.rawValue)"
                + "\(report.paid ? " paid" : ""), \(report.overBy) over."
        case .alreadyReplied:
            return "This text has already been replied to."
        case .replyInFlight:
            return "A reply to this text is already being sent."
        }
    }

    /// One line: what to do about it.
    package var advice: String {
        switch self {
        case .missingField:
            return "Reply from the inbox so the tagg and transaction ID are filled in."
        case .windowClosed, .insideSafetyMargin:
            return "Tagga no longer accepts a reply to this text; contact the sender another way."
        case .paymentNotRegistered:
            return "Send it unpaid, or register a payment at tagga.com and set it in the configuration."
        case .messageTooLong(let report):
            return Self.advice(forTooLong: report)
        case .alreadyReplied:
            return "Only one reply per text is allowed; nothing to send."
        case .replyInFlight:
            return "Wait for that attempt's outcome before trying again."
        }
    }

    /// `Code 20 equivalent: <reason> <advice>`.
    package var description: String { "Code \(providerCode) equivalent: \(reason) \(advice)" }

    private static func advice(forTooLong report: ReplyLengthReport) -> String {
        if report.fitsIfReplaced, let first = report.offenders.first {
            return "Replace \(first.displayName) and the other non-latin characters to fit in "
                + "\(report.latinLimit), or shorten by \(report.overBy)."
        }
        if !report.paid {
            let paidLimit = ReplyLengthRule.limit(for: report.charset, paid: true)
            if report.used <= paidLimit {
                return "Shorten by \(report.overBy), or send it paid (limit \(paidLimit))."
            }
        }
        return "Shorten by \(report.overBy)."
    }
}
