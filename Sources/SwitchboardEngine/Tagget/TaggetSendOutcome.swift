import Foundation

/// What became of one send (docs/provider-contract.md §3).
package enum TaggetSendOutcome: Sendable {
    /// HTTP 200 and status 200.
    case sent(TaggetResponse)
    /// HTTP 400 or status 400 (or another refusal): final, never retried automatically.
    case rejected(httpStatus: Int, message: String)
    /// Transient failures on every allowed attempt; the recipient was not texted.
    case failed(String)
    /// The request was written and then nothing usable came back: it may or may not have been sent.
    /// Retried only on an explicit operator action.
    case unknown(String)

    /// A short word for the state, as stored and shown.
    package var state: String {
        switch self {
        case .sent: "sent"
        case .rejected: "rejected"
        case .failed: "failed"
        case .unknown: "unknown"
        }
    }

    /// One line for a person: what happened and what to do.
    package var summary: String {
        switch self {
        case .sent(let response): "sent: \(response.message)"
        case .rejected(let status, let message):
            "rejected by Tagget (HTTP \(status)): \(Self.sentence(message)) Fix the number, sender, body or credentials; "
                + "it will not be retried."
        case .failed(let reason): "failed: \(Self.sentence(reason)) Nothing was sent; try again later."
        case .unknown(let reason):
            "unknown: \(Self.sentence(reason)) The text may have been sent; check with the recipient before sending "
                + "again."
        }
    }

    /// The text ending with exactly one full stop.
    private static func sentence(_ text: String) -> String {
        var trimmed = Substring(text)
        while let last = trimmed.last, last == "." || last == " " { trimmed.removeLast() }
        return trimmed + "."
    }
}

/// Tagget's JSON answer, without the credentials it echoes back.
package struct TaggetResponse: Sendable, Hashable {
    package var status: Int
    package var message: String
    /// `data` as received, with `token` and `id` removed.
    package var data: [String: String]?

    package init(status: Int, message: String, data: [String: String]?) {
        self.status = status
        self.message = message
        self.data = data
    }

    /// Parses `{"status": ..., "message": "...", "data": {...} | null}`; `status` may be a number or numeric string.
    package static func parse(_ body: [UInt8]) -> TaggetResponse? {
        // JSONDecoder (native) rather than JSONSerialization (bridged objects): a broadcast parses one per send.
        guard let wire = try? JSONDecoder().decode(TaggetWireResponse.self, from: Data(body)), let status = wire.status
        else { return nil }
        return TaggetResponse(
            status: status, message: wire.message ?? "",
            data: wire.data?.filter { $0.key != "token" && $0.key != "id" })
    }
}

/// One POST of a send and its classification, for the record.
package struct TaggetSendAttempt: Sendable {
    package var number: Int
    package var startedAt: Date
    package var httpStatus: Int?
    package var detail: String
    package var verdict: TaggetAttemptVerdict
}

/// How one attempt is classified.
package enum TaggetAttemptVerdict: Sendable, Hashable {
    case sent
    case rejected
    /// Safe to retry: the provider did not act on it. `retryAfter` from the header, if any.
    case transient(retryAfter: Duration?)
    case unknown
}
