import SwitchboardEngine

/// What `switchboard send --json` prints: how the send ended, to whom, from which sender, in how many attempts and
/// segments, and Tagget's message (or the reason there was none).
package enum SendReportJSON {
    package static func document(
        _ outcome: TaggetSendOutcome, attempts: [TaggetSendAttempt], request: TaggetSendRequest,
        segments: SegmentReport
    ) -> JSONValue {
        var document: [String: JSONValue] = [
            "state": .string(outcome.state), "to": .string(request.to.e164),
            "sender": .string(request.sender.value), "attempts": .int(attempts.count),
            "segments": .int(segments.segmentCount), "encoding": .string("\(segments.encoding)"),
        ]
        switch outcome {
        case .sent(let response): document["message"] = .string(response.message)
        case .rejected(let status, let message):
            document["message"] = .string(message)
            document["http_status"] = .int(status)
        case .failed(let reason), .unknown(let reason): document["message"] = .string(reason)
        }
        return .object(document)
    }
}
