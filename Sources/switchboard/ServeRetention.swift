import Foundation
import Logging
import SwitchboardEngine
import SwitchboardOutput

/// `store.retention` in `serve`: applied once shortly after the receiver starts, then once an hour, in the same short
/// batches as `prune`; each run is logged (stderr) with what it removed, and a failure is logged and tried again at
/// the next turn: it never stops the receiver.
enum ServeRetention {
    /// For tests only: a duration (like `300ms`) that replaces both the wait before the first run and the hour
    /// between runs.
    static let testIntervalVariable = "SWITCHBOARD_TEST_RETENTION_INTERVAL"

    /// Starts the schedule when `store.retention` is set; the caller cancels the task when it stops.
    static func start(
        _ configuration: SwitchboardConfiguration, store: any RetentionStore & SearchIndexStore,
        environment: [String: String]
    ) -> Task<Void, Never>? {
        guard let retention = configuration.store.retention else { return nil }
        var first: Duration = .seconds(30)
        var interval: Duration = .seconds(3600)
        if let text = environment[testIntervalVariable], let shortened = try? DurationText.parse(text),
            shortened > .zero
        {
            (first, interval) = (shortened, shortened)
        }
        var logger = Logger(label: "switchboard.retention")
        logger.logLevel = .info
        let clock = SystemWallClock()
        let runner = RetentionRunner(
            store: store, clock: clock, window: configuration.tagga.replyWindow,
            settings: RetentionRunner.Settings(for: configuration.store.location))
        let schedule = RetentionSchedule(
            runner: runner, retention: retention, clock: clock, firstDelay: first, interval: interval, logger: logger)
        Terminal.output(
            "retention: closed texts and finished broadcasts older than \(DurationText.format(retention)) are "
                + "removed every \(DurationText.format(interval)), first in \(DurationText.format(first))")
        return Task.detached { await schedule.run() }
    }
}
