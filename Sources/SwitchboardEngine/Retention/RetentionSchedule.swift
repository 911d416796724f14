import Foundation
import Logging

/// `store.retention` applied by a process that runs for long (`serve`): once shortly after it starts, then once
/// every interval (an hour), each time removing what is older than the retention. What it removed is logged; a
/// failure is logged and tried again at the next turn, and never stops the process.
package struct RetentionSchedule: Sendable {
    private let runner: RetentionRunner
    private let retention: Duration
    private let clock: any WallClock
    private let firstDelay: Duration
    private let interval: Duration
    private let logger: Logger

    package init(
        runner: RetentionRunner, retention: Duration, clock: any WallClock, firstDelay: Duration = .seconds(30),
        interval: Duration = .seconds(3600), logger: Logger
    ) {
        self.runner = runner
        self.retention = retention
        self.clock = clock
        self.firstDelay = firstDelay
        self.interval = interval
        self.logger = logger
    }

    /// Runs until the task is cancelled.
    package func run() async {
        var delay = firstDelay
        while true {
            do { try await Task.sleep(for: delay) } catch { return }
            delay = interval
            await applyOnce()
        }
    }

    /// One turn: removes what is older than the retention, and logs what went or why it failed.
    package func applyOnce() async {
        let before = clock.now().addingTimeInterval(-retention.timeInterval)
        let shown = before.formatted(.iso8601)
        do {
            let report = try await runner.run(before: before)
            if report.removed.isEmpty {
                logger.info("retention (older than \(shown)): nothing to remove")
            } else {
                logger.info("retention (older than \(shown)): \(report)")
            }
        } catch let failure as RetentionFailure {
            if Task.isCancelled { return }
            let next = DurationText.format(interval)
            logger.error(
                "retention (older than \(shown)) failed after it \(failure.report): \(failure.error); trying again in \(next)"
            )
        } catch {
            logger.error("retention (older than \(shown)) failed: \(error)")
        }
    }
}
