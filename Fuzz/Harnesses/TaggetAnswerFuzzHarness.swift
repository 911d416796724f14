import Foundation
import SwitchboardEngine

/// Tagget's JSON answer and its classification under fuzzing (docs/provider-contract.md §3), shared by the libFuzzer target and
/// the corpus replay test.
///
/// An input is an HTTP answer: the first line is the status and, optionally after a space, a `Retry-After` value
/// (`429 120`); the rest is the body. Checked: nothing traps; an answer the parser accepts, written again as JSON,
/// parses back to itself; the classification follows the contract (only HTTP 200 with `status` 200 is sent, only 429
/// and 5xx are retried, a rejection names a reason) and its record agrees with it.
package enum TaggetAnswerFuzzHarness {
    /// The problems found with one input; empty when every property holds.
    package static func run(_ input: [UInt8]) -> [String] {
        let lines = input.split(separator: UInt8(ascii: "\n"), maxSplits: 1, omittingEmptySubsequences: false)
        let head = String(decoding: lines[0], as: UTF8.self).split(separator: " ", maxSplits: 1)
        let status = head.first.flatMap { Int($0) } ?? 200
        let retryAfter = head.count > 1 ? String(head[1]) : nil
        let body = lines.count > 1 ? Array(lines[1]) : []
        return roundTripProblems(body) + classificationProblems(status: status, body: body, retryAfter: retryAfter)
    }

    private static func roundTripProblems(_ body: [UInt8]) -> [String] {
        guard let parsed = TaggetResponse.parse(body) else { return [] }
        let object: [String: Any] = [
            "status": parsed.status, "message": parsed.message, "data": parsed.data.map { $0 as Any } ?? NSNull(),
        ]
        guard let json = try? JSONSerialization.data(withJSONObject: object) else {
            return ["\(parsed) cannot be written as JSON"]
        }
        let again = TaggetResponse.parse(Array(json))
        return again == parsed ? [] : ["\(parsed) read back as \(again.map(String.init(describing:)) ?? "nothing")"]
    }

    private static func classificationProblems(status: Int, body: [UInt8], retryAfter: String?) -> [String] {
        let (verdict, outcome, attempt) = TaggetAnswerClassifier.classify(
            status: status, body: body, retryAfter: retryAfter, number: 1, startedAt: Date(timeIntervalSince1970: 0))
        let parsed = TaggetResponse.parse(body)
        var problems: [String] = []
        if attempt.verdict != verdict || attempt.httpStatus != status {
            problems.append("the attempt records \(attempt.verdict), HTTP \(attempt.httpStatus ?? -1)")
        }
        let retryable = status == 429 || (500..<600).contains(status)
        switch (verdict, outcome) {
        case (.sent, .sent(let response)):
            if status != 200 || parsed?.status != 200 || response != parsed {
                problems.append("sent on HTTP \(status) with \(parsed.map(String.init(describing:)) ?? "no answer")")
            }
        case (.transient(let wait), .failed):
            if !retryable { problems.append("HTTP \(status) retried") }
            if let wait, wait < .zero { problems.append("Retry-After \(retryAfter ?? "") read as \(wait)") }
        case (.rejected, .rejected(let httpStatus, let message)):
            if retryable || message.isEmpty || httpStatus != status {
                problems.append("HTTP \(status) rejected as \(httpStatus) \(message.debugDescription)")
            }
        case (.unknown, .unknown):
            if retryable || (400..<500).contains(status) { problems.append("HTTP \(status) unknown") }
        default:
            problems.append("verdict \(verdict) with outcome \(outcome.state)")
        }
        return problems
    }
}
