import Testing

@testable import SwitchboardEngine
@testable import SwitchboardSimulator

/// One row of the broadcast fault matrix: the faults the simulated Tagget applies to the sends to one recipient,
/// in order, and what docs/provider-contract.md §3–4 says follows for that recipient. 500, 429 and anything that fails before
/// the request is written are retried (5 attempts in all); a timeout or a lost connection after the write is
/// unknown and never sent again automatically; a 400 is final.
struct BroadcastFaultCase: Sendable, CustomTestStringConvertible {
    var name: String
    var faults: [SimulatedFault]
    /// The POSTs the simulator received for the recipient, and the attempts its row counts.
    var requests: Int
    var state: RecipientState
    /// The texts the simulator acted on for the recipient: at most one, ever.
    var delivered: Int
    /// The last HTTP status on the row (nil when no answer came).
    var httpStatus: Int?
    /// Words the row's detail must hold.
    var detail: String

    var testDescription: String { name }

    /// The rows, for a client whose read timeout is ``readTimeout``.
    static let readTimeout = Duration.seconds(2)
    static let matrix: [BroadcastFaultCase] = [
        BroadcastFaultCase(
            name: "latency 200 ms", faults: [.latency(.milliseconds(200))], requests: 1, state: .sent, delivered: 1,
            httpStatus: 200, detail: "sent to recipient"),
        BroadcastFaultCase(
            name: "latency past the read timeout", faults: [.latency(.seconds(4))], requests: 1, state: .unknown,
            delivered: 1, httpStatus: nil, detail: "may have been sent"),
        BroadcastFaultCase(
            name: "500, then success", faults: [.serverError], requests: 2, state: .sent, delivered: 1,
            httpStatus: 200, detail: "sent to recipient"),
        BroadcastFaultCase(
            name: "500 five times", faults: Array(repeating: .serverError, count: 5), requests: 5, state: .failed,
            delivered: 0, httpStatus: 500, detail: "gave up after 5 attempts"),
        BroadcastFaultCase(
            name: "429 with Retry-After, then success", faults: [.throttled(retryAfterSeconds: 1)], requests: 2,
            state: .sent, delivered: 1, httpStatus: 200, detail: "sent to recipient"),
        BroadcastFaultCase(
            name: "429, then success", faults: [.throttled(retryAfterSeconds: nil)], requests: 2, state: .sent,
            delivered: 1, httpStatus: 200, detail: "sent to recipient"),
        BroadcastFaultCase(
            name: "429 five times", faults: Array(repeating: .throttled(retryAfterSeconds: nil), count: 5),
            requests: 5, state: .failed, delivered: 0, httpStatus: 429, detail: "gave up after 5 attempts"),
        BroadcastFaultCase(
            name: "timeout after the write", faults: [.timeoutAfterBody], requests: 1, state: .unknown, delivered: 1,
            httpStatus: nil, detail: "may have been sent"),
        BroadcastFaultCase(
            name: "dropped after the write", faults: [.dropAfterBody], requests: 1, state: .unknown, delivered: 1,
            httpStatus: nil, detail: "may have been sent"),
        BroadcastFaultCase(
            name: "500, 429, then success", faults: [.serverError, .throttled(retryAfterSeconds: 1)], requests: 3,
            state: .sent, delivered: 1, httpStatus: 200, detail: "sent to recipient"),
        BroadcastFaultCase(
            name: "500, then dropped after the write", faults: [.serverError, .dropAfterBody], requests: 2,
            state: .unknown, delivered: 1, httpStatus: nil, detail: "may have been sent"),
        BroadcastFaultCase(
            name: "429, then timeout after the write", faults: [.throttled(retryAfterSeconds: nil), .timeoutAfterBody],
            requests: 2, state: .unknown, delivered: 1, httpStatus: nil, detail: "may have been sent"),
        BroadcastFaultCase(
            name: "400 from the carrier", faults: [.taggetRejected("invalid recipient number")], requests: 1,
            state: .rejected, delivered: 0, httpStatus: 400, detail: "invalid recipient number"),
        BroadcastFaultCase(
            name: "500, then 400", faults: [.serverError, .taggetRejected("number blocked")], requests: 2,
            state: .rejected, delivered: 0, httpStatus: 400, detail: "number blocked"),
    ]
}
