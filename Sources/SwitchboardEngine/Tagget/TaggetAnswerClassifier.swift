import Foundation

/// Classifies an HTTP answer from Tagget per docs/provider-contract.md §3, from its parts (status, body, `Retry-After`): pure, so
/// the send client, the paced broadcast lines and the fuzzer all run this one rule.
package enum TaggetAnswerClassifier {
    package static func classify(status: Int, body: [UInt8], retryAfter: String?, number: Int, startedAt: Date) -> (
        TaggetAttemptVerdict, TaggetSendOutcome, TaggetSendAttempt
    ) {
        func record(_ verdict: TaggetAttemptVerdict, _ detail: String) -> TaggetSendAttempt {
            TaggetSendAttempt(
                number: number, startedAt: startedAt, httpStatus: status, detail: detail, verdict: verdict)
        }
        let parsed = TaggetResponse.parse(body)
        if status == 429 || (500..<600).contains(status) {
            let detail = "HTTP \(status)" + (parsed.map { ": \($0.message)" } ?? "")
            let verdict = TaggetAttemptVerdict.transient(retryAfter: RetryAfter.parse(retryAfter))
            return (verdict, .failed(detail), record(verdict, detail))
        }
        if status == 200, let parsed, parsed.status == 200 {
            return (.sent, .sent(parsed), record(.sent, parsed.message))
        }
        if (400..<500).contains(status) || parsed?.status == 400 {
            let message = parsed?.message.isEmpty == false ? parsed!.message : "HTTP \(status)"
            return (.rejected, .rejected(httpStatus: status, message: message), record(.rejected, message))
        }
        let text = String(decoding: body, as: UTF8.self)
        let detail = "HTTP \(status) with an answer Tagget does not document: \(text.prefix(200))"
        return (.unknown, .unknown(detail), record(.unknown, detail))
    }
}
