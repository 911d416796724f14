import SwitchboardEngine

/// How a reply report is told to a person or a script.
package enum ReplyReportText {
    package static func succeeded(_ report: ReplyReport) -> Bool {
        if case .finished(let resolution, _) = report {
            return resolution == .replied || resolution == .repliedConfirmedByDuplicate
        }
        return false
    }

    package static func lines(_ report: ReplyReport) -> [String] {
        switch report {
        case .notFound(let id):
            return ["no transaction \(id) in the store; see `switchboard pending` for the open ones"]
        case .refused(let refusal, let holder):
            var lines = ["refused, nothing sent (code \(refusal.providerCode) equivalent): \(refusal.reason)"]
            if let holder {
                lines.append("held by \(holder.operatorName) since \(TransactionJSON.iso8601(holder.claimedAt))")
            }
            lines.append(refusal.advice)
            return lines
        case .finished(let resolution, let attempts):
            var lines = attempts.map(attemptLine)
            lines.append(resolution.summary)
            if case .stillPending(let code) = resolution { lines.append(code.nextStep) }
            if resolution == .unknown {
                lines.append("The text stays open: run the same reply again (a duplicate is refused by Tagga with 19).")
            }
            return lines
        case .storeFailed(let reason, let attempts) where attempts.isEmpty:
            return [
                "the store failed, nothing was sent: \(reason)",
                "Fix the store (see the reason above), then send the reply again.",
            ]
        case .storeFailed(let reason, let attempts):
            return attempts.map(attemptLine) + [
                "the store failed: \(reason)",
                "Anything sent is journaled as outcome unknown; check `switchboard pending` before replying again.",
            ]
        }
    }

    package static func attemptLine(_ attempt: TaggaReplyAttempt) -> String {
        switch attempt.outcome {
        case .answered(let response, _):
            var line = "attempt \(attempt.number): \(response.returnCode) — \(response.returnCode.explanation)"
            if case .unrecognized = response.returnCode, let message = response.message {
                line += " Tagga said: \(message)"
            }
            return line
        case .unknown(let reason):
            return "attempt \(attempt.number): outcome unknown — \(reason)"
        }
    }

    package static func json(_ report: ReplyReport) -> [String: JSONValue] {
        switch report {
        case .notFound(let id):
            return ["result": "not-found", "id": .string(id)]
        case .refused(let refusal, let holder):
            var object: [String: JSONValue] = [
                "result": "refused", "code_equivalent": .int(refusal.providerCode), "reason": .string(refusal.reason),
                "advice": .string(refusal.advice),
            ]
            if let holder { object["held_by"] = .string(holder.operatorName) }
            return object
        case .finished(let resolution, let attempts):
            return [
                "result": .string(TransactionState(after: resolution).rawValue),
                "resolution": .string(resolution.summary), "attempts": .array(attempts.map(attemptJSON)),
            ]
        case .storeFailed(let reason, let attempts):
            return [
                "result": "store-failed", "reason": .string(reason), "attempts": .array(attempts.map(attemptJSON)),
            ]
        }
    }

    private static func attemptJSON(_ attempt: TaggaReplyAttempt) -> JSONValue {
        switch attempt.outcome {
        case .answered(let response, _):
            return .object([
                "number": .int(attempt.number), "return_code": .int(response.returnCode.code),
                "explanation": .string(response.returnCode.explanation),
                "next_step": .string(response.returnCode.nextStep),
            ])
        case .unknown(let reason):
            return .object([
                "number": .int(attempt.number), "outcome": "unknown", "reason": .string(reason.description),
            ])
        }
    }
}
