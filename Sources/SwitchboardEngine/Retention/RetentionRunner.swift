import Foundation

/// Applies retention to a store: removes what a ``RetentionRule`` lets go in small batches, texts first, then
/// campaigns, each batch its own short write transaction with a pause after it (so callbacks waiting for the write
/// lock get it), then gives the space back in small steps. Used by `switchboard prune` and by `serve`.
package struct RetentionRunner: Sendable {
    /// How the work is cut up.
    package struct Settings: Sendable, Hashable {
        /// Texts (or campaign recipients) per batch at the most: one short write transaction each.
        package var batchSize = 500
        /// How long a batch should take, write lock and commit (its fsync) included: the batch size follows it
        /// (``RetentionBatchSize``). Nil keeps every batch at ``batchSize``. Beside callbacks at 100/s through
        /// `serve`, their p99 went from 2.3 ms alone to 8 ms during a prune with 5 ms, to 4 ms with 2 ms (the prune
        /// then takes several times as long, its batches being mostly their commit's fsync); with 10 ms it
        /// doubled again (Benchmarks/RESULTS.md, "Retention").
        package var batchTarget: Duration? = .milliseconds(2)
        /// The pause after each batch and each step of giving space back. With a ``batchTarget`` (SQLite) it is at
        /// least as long as the batch before it, so retention never holds the write lock more than half the time.
        package var pause: Duration = .milliseconds(20)
        /// How much space one step gives back (SQLite `incremental_vacuum`).
        package var reclaimStep = 1 << 20
        /// How long a campaign being removed is held against runners, renewed at each batch.
        package var campaignLease: Duration = .seconds(60)

        package init() {}

        /// The settings for the store at `location`. SQLite has one writer at a time, so its batches follow the
        /// target; PostgreSQL locks only the rows a batch removes, so a callback never waits for one, and its
        /// batches are all ``batchSize`` (following the target there made 10-row batches of a few round trips each,
        /// 20 times slower).
        package init(for location: StoreLocation) {
            if case .postgres = location { batchTarget = nil }
        }
    }

    private let store: any RetentionStore & SearchIndexStore
    private let clock: any WallClock
    private let window: Duration
    private let settings: Settings
    /// Holds the campaigns this run is removing (a runner token: a dead run on this host is recognised as such).
    private let holder = RunnerIdentity.newToken()

    /// `window` is the reply window (`tagga.reply_window`): a pending text is closed once it has passed.
    package init(
        store: any RetentionStore & SearchIndexStore, clock: any WallClock, window: Duration,
        settings: Settings = Settings()
    ) {
        self.store = store
        self.clock = clock
        self.window = window
        self.settings = settings
    }

    /// What a run with `before` would remove now (a dry run): nothing is removed.
    package func count(before: Date) async throws -> RetentionTally {
        try await store.retentionTally(rule(before: before))
    }

    /// Removes everything received or created before `before` that retention may remove, having `export` keep each
    /// batch first (a batch it cannot keep is not removed: see ``RetentionExporter``), then gives the space back.
    /// Throws a ``RetentionFailure`` saying what had been removed when a batch fails.
    package func run(before: Date, export: (any RetentionExporter)? = nil) async throws -> RetentionReport {
        var report = RetentionReport()
        var size = RetentionBatchSize(most: settings.batchSize, target: settings.batchTarget)
        do {
            for kind in [BatchKind.texts, .campaigns] {
                while true {
                    let rule = rule(before: before)
                    let step =
                        switch kind {
                        case .texts: try await store.removeTexts(rule, limit: size.current, export: export)
                        case .campaigns:
                            try await store.removeCampaigns(
                                rule, limit: size.current, holder: holder, lease: settings.campaignLease,
                                export: export)
                        }
                    guard !step.removed.isEmpty else { break }
                    report.removed += step.removed
                    report.batches += 1
                    report.longestBatch = max(report.longestBatch, step.held)
                    size.record(step.held)
                    let pause = settings.batchTarget == nil ? settings.pause : max(settings.pause, step.held)
                    try await Task.sleep(for: pause)
                }
            }
            try await unindexRemoved()
            report.space = try await reclaimSpace()
        } catch {
            throw RetentionFailure(report: report, error: error)
        }
        return report
    }

    /// Takes the removed texts out of the search index, so no copy of them is left behind: batches sized and paced
    /// like the removal's (the index reorganises itself as entries go, so they take longer per text).
    private func unindexRemoved() async throws {
        var size = RetentionBatchSize(most: settings.batchSize, target: settings.batchTarget)
        let timer = ContinuousClock()
        while true {
            let started = timer.now
            guard try await store.unindexRemoved(limit: size.current) > 0 else { return }
            let held = timer.now - started
            size.record(held)
            try await Task.sleep(for: settings.batchTarget == nil ? settings.pause : max(settings.pause, held))
        }
    }

    /// Gives the free space back a step at a time until none is left (or the store cannot give it back).
    private func reclaimSpace() async throws -> FreeSpace {
        var returned = 0
        while true {
            let space = try await store.reclaimSpace(bytes: settings.reclaimStep)
            guard case .returned(let bytes, let left) = space else { return space }
            returned += bytes
            if left == 0 || bytes == 0 { return .returned(bytes: returned, left: left) }
            try await Task.sleep(for: settings.pause)
        }
    }

    /// The rule for a batch starting now: each batch judges open windows and live leases at its own time.
    private func rule(before: Date) -> RetentionRule {
        RetentionRule(before: before, now: clock.now(), window: window)
    }

    /// What a batch removes: texts are done first, then campaigns.
    private enum BatchKind {
        case texts
        case campaigns
    }
}

/// What a retention run removed and how.
package struct RetentionReport: Sendable, Hashable {
    package var removed = RetentionTally()
    /// How many write transactions it took.
    package var batches = 0
    /// The longest of their writes, from asking for the write lock to the commit (``RetentionStep/held``).
    package var longestBatch: Duration = .zero
    /// The space afterwards; nil when the run stopped before.
    package var space: FreeSpace?

    package init() {}
}

/// A retention run that stopped on an error, with what it had removed until then.
package struct RetentionFailure: Error, CustomStringConvertible {
    package var report: RetentionReport
    package var error: any Error

    package var description: String { "\(error)" }
}
