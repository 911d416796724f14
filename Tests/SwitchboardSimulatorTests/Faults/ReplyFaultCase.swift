import Testing

@testable import SwitchboardEngine
@testable import SwitchboardSimulator

/// One row of the reply fault matrix: the faults the simulated Tagga applies to the next reply POSTs, in order,
/// and what docs/provider-contract.md §2 says follows. An unknown outcome (500, 429, no answer, a lost connection) is retried
/// up to 3 times, which is safe because Tagga answers a duplicate with 19.
struct ReplyFaultCase: Sendable, CustomTestStringConvertible {
    var name: String
    var faults: [SimulatedFault]
    /// The POSTs the simulator received: never more than one attempt and three retries.
    var requests: Int
    var resolution: TaggaReplyResolution
    /// Where the text stands afterwards.
    var status: TransactionStatus
    /// The journal, one row per POST: Tagga's return code, nil for an unknown outcome.
    var journal: [Int?]
    /// The replies Tagga acted on: at most one, ever.
    var delivered: Int

    var testDescription: String { name }

    /// Four POSTs that all end unknown.
    private static func fourUnknown(_ name: String, _ fault: SimulatedFault, delivered: Int) -> ReplyFaultCase {
        ReplyFaultCase(
            name: name, faults: Array(repeating: fault, count: 4), requests: 4, resolution: .unknown,
            status: .outcomeUnknown, journal: [nil, nil, nil, nil], delivered: delivered)
    }

    /// The rows, for a client whose read timeout is ``readTimeout``.
    static let readTimeout = Duration.seconds(2)
    static let matrix: [ReplyFaultCase] = [
        ReplyFaultCase(
            name: "latency 200 ms", faults: [.latency(.milliseconds(200))], requests: 1, resolution: .replied,
            status: .replied, journal: [0], delivered: 1),
        ReplyFaultCase(
            name: "latency past the read timeout, then 19", faults: [.latency(.seconds(4))], requests: 2,
            resolution: .repliedConfirmedByDuplicate, status: .replied, journal: [nil, 19], delivered: 1),
        ReplyFaultCase(
            name: "500, then success", faults: [.serverError], requests: 2, resolution: .replied, status: .replied,
            journal: [nil, 0], delivered: 1),
        ReplyFaultCase(
            name: "429 with Retry-After, then success", faults: [.throttled(retryAfterSeconds: 1)], requests: 2,
            resolution: .replied, status: .replied, journal: [nil, 0], delivered: 1),
        ReplyFaultCase(
            name: "429, then success", faults: [.throttled(retryAfterSeconds: nil)], requests: 2,
            resolution: .replied, status: .replied, journal: [nil, 0], delivered: 1),
        ReplyFaultCase(
            name: "timeout after the write, then 19", faults: [.timeoutAfterBody], requests: 2,
            resolution: .repliedConfirmedByDuplicate, status: .replied, journal: [nil, 19], delivered: 1),
        ReplyFaultCase(
            name: "dropped after the write, then 19", faults: [.dropAfterBody], requests: 2,
            resolution: .repliedConfirmedByDuplicate, status: .replied, journal: [nil, 19], delivered: 1),
        ReplyFaultCase(
            name: "dropped, 500, then 19", faults: [.dropAfterBody, .serverError], requests: 3,
            resolution: .repliedConfirmedByDuplicate, status: .replied, journal: [nil, nil, 19], delivered: 1),
        ReplyFaultCase(
            name: "500, 429, timeout, then 19",
            faults: [.serverError, .throttled(retryAfterSeconds: 1), .timeoutAfterBody],
            requests: 4, resolution: .repliedConfirmedByDuplicate, status: .replied, journal: [nil, nil, nil, 19],
            delivered: 1),
        fourUnknown("500 four times", .serverError, delivered: 0),
        fourUnknown("429 four times", .throttled(retryAfterSeconds: 1), delivered: 0),
        fourUnknown("timeout after the write four times", .timeoutAfterBody, delivered: 1),
        fourUnknown("dropped after the write four times", .dropAfterBody, delivered: 1),
    ]
}
