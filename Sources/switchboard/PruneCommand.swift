import ArgumentParser
import Foundation
import SwitchboardEngine
import SwitchboardOutput

/// `switchboard prune`: removes closed texts and finished broadcasts from before a date, in short batches.
struct PruneCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prune",
        abstract: "Remove closed texts and finished broadcasts from before a date, in short batches.",
        discussion: """
            Removes the texts received before DATE that are closed (replied, rejected, closed, expired, or pending \
            with their reply window passed), each with its reply journal, raw request and soft locks, and the \
            broadcasts created before DATE that are finished or cancelled and not being run, with their \
            recipients. An open text and a reply in flight are never removed, whatever the date. The work is done \
            in short batches (at most 500 rows, fewer on SQLite: each holds its write lock about 5 ms), so a \
            receiver on the same store keeps answering at once.

            --export FILE first writes every removed text exactly as `switchboard export` writes it (one JSON line \
            each), then each removed broadcast's recipients as {"campaign_recipient": {…}} lines and the broadcast \
            as a {"campaign": {…}} line. Each batch is written and flushed to disk before it is removed. FILE must \
            not exist (prune never overwrites or adds to an export); it is created readable by you only (0600).

            SQLite gives the freed space back to the file system in small steps when the store was created with \
            auto_vacuum (this version does so); an older store reuses it instead, and --vacuum rebuilds it once \
            (it holds the store's write lock while it runs: callbacks wait, and are answered 503 if it takes long).

            Examples:
              switchboard prune --before 2025-01-01 --dry-run
              switchboard prune --before 2025-01-01 --export pruned-2024.jsonl
              switchboard prune --before 2025-06-30T18:00:00+02:00 --json

            Exit status: 0 done, 1 the store failed (what was removed until then is printed), 2 bad usage or \
            configuration.
            """
    )

    @OptionGroup var config: ConfigOption

    @Option(
        name: .customLong("before"),
        help: "Remove what is older than this: YYYY-MM-DD (midnight local time) or an RFC 3339 timestamp.")
    var beforeText: String

    @Option(help: "Write every removed text and broadcast to this new file (JSON lines) before removing it.")
    var export: String?

    @Flag(help: "Count what would be removed; remove nothing.")
    var dryRun = false

    @Flag(help: "SQLite: rebuild the file at its smallest afterwards (VACUUM: holds the write lock while it runs).")
    var vacuum = false

    @Flag(help: "Print one JSON document.")
    var json = false

    func run() async throws {
        let before: Date
        do {
            before = try PruneDate.parse(beforeText)
        } catch {
            Terminal.error(error.description)
            throw ExitStatus.badUsage
        }
        if dryRun, export != nil || vacuum {
            Terminal.error("a dry run removes nothing, so there is nothing to --export or --vacuum: leave those out")
            throw ExitStatus.badUsage
        }
        if let export, FileManager.default.fileExists(atPath: export) {
            Terminal.error(PruneExportError.exists(export).description)
            throw ExitStatus.badUsage
        }
        let configuration = try config.load()
        let engine = try await makeEngine(configuration)
        let runner = RetentionRunner(
            store: engine.store, clock: engine.clock, window: engine.window.window,
            settings: RetentionRunner.Settings(for: configuration.store.location))
        var summary = PruneSummary(before: before, dryRun: dryRun, tally: RetentionTally())
        do {
            if dryRun {
                summary.tally = try await runner.count(before: before)
            } else {
                try await remove(before: before, runner: runner, engine: engine, into: &summary)
            }
        } catch let exit as ExitCode {
            await engine.shutdown()
            throw exit
        } catch {
            summary.error = "\(error)"
        }
        summary.export?.finish()
        await engine.shutdown()
        if json {
            Terminal.json(summary.json)
        } else {
            for line in summary.lines { Terminal.output(line) }
        }
        if let error = summary.error {
            Terminal.error("prune stopped: \(error)")
            throw ExitStatus.operationFailed
        }
    }

    /// Removes in batches (exporting each first when asked), then vacuums when asked; records it all in `summary`.
    private func remove(
        before: Date, runner: RetentionRunner, engine: EngineContext, into summary: inout PruneSummary
    ) async throws {
        if let export {
            do {
                summary.export = try PruneExportFile.create(path: export, clock: engine.clock, window: engine.window)
            } catch {
                Terminal.error(error.description)
                throw error == .exists(export) ? ExitStatus.badUsage : ExitStatus.operationFailed
            }
        }
        Terminal.note("removing what is older than \(TransactionJSON.iso8601(before)), in short batches")
        do {
            summary.report = try await runner.run(before: before, export: summary.export)
        } catch let failure as RetentionFailure {
            summary.report = failure.report
            summary.tally = failure.report.removed
            throw failure.error
        }
        summary.tally = summary.report?.removed ?? RetentionTally()
        guard vacuum else { return }
        var path: String?
        if case .sqlite(let file) = engine.configuration.store.location {
            path = file
            Terminal.note("vacuum: rebuilding the store; it is locked for writing until this is done")
        }
        let sizeBefore = path.map(Self.fileSize) ?? 0
        if try await engine.store.vacuum() {
            summary.vacuum = .rebuilt(before: sizeBefore, after: path.map(Self.fileSize) ?? 0)
        } else {
            summary.vacuum = .notNeeded
        }
    }

    /// The size of the file at `path`, with its WAL (0 when there is none).
    private static func fileSize(_ path: String) -> Int {
        [path, path + "-wal"].reduce(0) { total, file in
            total + ((try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0)
        }
    }
}
