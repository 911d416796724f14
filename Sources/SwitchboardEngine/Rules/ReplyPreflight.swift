import Foundation

/// The local checks of docs/provider-contract.md §2 "Rules checked locally" that need no store, in the order they are
/// reported: 3 (empty tagg or transaction ID), 20 (window), 18 (paid without payment), 5 (length).
///
/// A tagg or transaction ID of only whitespace counts as empty. Code 19 (already replied, or in flight)
/// is the store's check; `PreflightRefusal.alreadyReplied` and `.replyInFlight` are there for it.
package enum ReplyPreflight {
    /// Every refusal that applies, in check order; empty when the reply may be sent.
    package static func refusals(
        tagg: String, transactionID: String, message: String, paid: Bool, paymentRegistered: Bool,
        receivedAt: Date, now: Date, window: ReplyWindow = ReplyWindow()
    ) -> [PreflightRefusal] {
        var refusals: [PreflightRefusal] = []
        if isBlank(tagg) { refusals.append(.missingField(.tagg)) }
        if isBlank(transactionID) { refusals.append(.missingField(.transactionID)) }
        switch window.status(receivedAt: receivedAt, now: now) {
        case .open:
            break
        case .insideSafetyMargin(let timeLeft):
            refusals.append(.insideSafetyMargin(timeLeft: timeLeft, safetyMargin: window.safetyMargin))
        case .closed(let overdueBy):
            refusals.append(.windowClosed(overdueBy: overdueBy, window: window.window))
        }
        if paid && !paymentRegistered { refusals.append(.paymentNotRegistered) }
        let length = ReplyLengthRule.evaluate(message, paid: paid)
        if !length.isWithinLimit { refusals.append(.messageTooLong(length)) }
        return refusals
    }

    /// The first refusal in check order, or nil when the reply may be sent.
    package static func firstRefusal(
        tagg: String, transactionID: String, message: String, paid: Bool, paymentRegistered: Bool,
        receivedAt: Date, now: Date, window: ReplyWindow = ReplyWindow()
    ) -> PreflightRefusal? {
        refusals(
            tagg: tagg, transactionID: transactionID, message: message, paid: paid,
            paymentRegistered: paymentRegistered, receivedAt: receivedAt, now: now, window: window
        ).first
    }

    private static func isBlank(_ value: String) -> Bool {
        value.allSatisfy(\.isWhitespace)
    }
}
