import Metrics
import Prometheus

/// The receiver's metrics in Prometheus text format, served on `GET /metrics`: callbacks accepted, duplicate and
/// refused by reason, commit latency and batch size; at scrape time, the open count and replies by return code.
package final class ReceiverMetrics: Sendable {
    package let registry = PrometheusCollectorRegistry()
    private let factory: PrometheusMetricsFactory
    private let accepted: Metrics.Counter
    private let duplicates: Metrics.Counter
    private let commitLatency: Metrics.Timer
    private let batchSize: Recorder

    package init() {
        factory = PrometheusMetricsFactory(registry: registry)
        accepted = Metrics.Counter(label: "switchboard_callbacks_accepted_total", factory: factory)
        duplicates = Metrics.Counter(label: "switchboard_callbacks_duplicate_total", factory: factory)
        commitLatency = Metrics.Timer(label: "switchboard_commit_duration_seconds", factory: factory)
        batchSize = Recorder(label: "switchboard_commit_batch_size", factory: factory)
    }

    package func recordAccepted(_ result: CallbackInsertResult) {
        switch result {
        case .inserted: accepted.increment()
        case .duplicate: duplicates.increment()
        }
    }

    package func recordRefused(reason: String) {
        Metrics.Counter(
            label: "switchboard_callbacks_refused_total", dimensions: [("reason", reason)], factory: factory
        )
        .increment()
    }

    package func recordCommit(size: Int, duration: Duration) {
        commitLatency.recordNanoseconds(duration.nanoseconds)
        batchSize.record(size)
    }

    /// The exposition text, with the store's figures read now.
    package func exposition(statistics: StoreStatistics?) -> String {
        if let statistics {
            let open = MetricNameDescriptor(
                namespace: "switchboard", metricName: "open", unitName: "transactions",
                helpText: "Pending or in-flight transactions whose reply window is open")
            registry.makeGauge(descriptor: open).set(Double(statistics.openTransactions))
            let replies = MetricNameDescriptor(
                namespace: "switchboard", metricName: "reply_attempts", unitName: "total",
                helpText: "Reply attempts by Tagga return code (unknown: no answer)")
            for (code, count) in statistics.repliesByReturnCode {
                registry.makeGauge(descriptor: replies, labels: [("return_code", code)]).set(Double(count))
            }
        }
        return registry.emitToString()
    }
}

extension Duration {
    var nanoseconds: Int64 {
        let parts = components
        return parts.seconds * 1_000_000_000 + parts.attoseconds / 1_000_000_000
    }
}
