/// Carrier segments over a broadcast's rendered bodies: per message (smallest, largest, how many of each),
/// in total, and by encoding.
package struct BroadcastSegmentSummary: Sendable, Hashable {
    /// How many bodies were counted.
    package private(set) var messageCount = 0
    /// The fewest segments of one body; nil when none was counted.
    package private(set) var minimum: Int?
    /// The most segments of one body; nil when none was counted.
    package private(set) var maximum: Int?
    /// The segments of every body together: what the broadcast bills.
    package private(set) var total = 0
    /// How many bodies have each segment count.
    package private(set) var messagesBySegmentCount: [Int: Int] = [:]
    /// How many bodies travel in each encoding.
    package private(set) var messagesByEncoding: [SegmentEncoding: Int] = [:]

    /// An empty summary.
    package init() {}

    /// The encodings used, GSM-7 first.
    package var encodings: [SegmentEncoding] {
        SegmentEncoding.allCases.filter { messagesByEncoding[$0, default: 0] > 0 }
    }

    /// Counts one body's report `times` times (every recipient of an unpersonalised body shares one report).
    package mutating func add(_ report: SegmentReport, times: Int = 1) {
        guard times > 0 else { return }
        let segments = report.segmentCount
        messageCount += times
        minimum = min(minimum ?? segments, segments)
        maximum = max(maximum ?? segments, segments)
        total += segments * times
        messagesBySegmentCount[segments, default: 0] += times
        messagesByEncoding[report.encoding, default: 0] += times
    }
}
