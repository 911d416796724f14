import SwitchboardEngine

/// A reply's outcome in one line for the console.
package enum ReplyOutcomeText {
    package static func describe(_ report: ReplyReport) -> (text: String, succeeded: Bool) {
        switch report {
        case .notFound(let id): return ("no transaction \(id) in the store", false)
        case .refused(let refusal, _): return ("not sent: \(refusal.reason) \(refusal.advice)", false)
        case .storeFailed(let reason, let attempts) where attempts.isEmpty:
            return ("the store failed, nothing was sent: \(reason)", false)
        case .storeFailed(let reason, _):
            return ("the store failed after sending; the reply's outcome is unknown until checked: \(reason)", false)
        case .finished(let resolution, let attempts):
            let succeeded = resolution == .replied || resolution == .repliedConfirmedByDuplicate
            if case .stillPending(let code) = resolution {
                return ("\(code): \(code.explanation) \(code.nextStep)", false)
            }
            if let code = attempts.last?.outcome.returnCode, !succeeded {
                return ("\(resolution.summary) — \(code.explanation)", false)
            }
            return (resolution.summary, succeeded)
        }
    }
}
