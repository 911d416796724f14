import Foundation
import SwitchboardEngine

/// What `prune` did (or, in a dry run, would do), for people (lines) and programs (one JSON document).
package struct PruneSummary {
    package var before: Date
    package var dryRun: Bool
    /// What went, or would go.
    package var tally: RetentionTally
    /// The run's details; nil for a dry run.
    package var report: RetentionReport?
    package var export: PruneExportFile?
    /// What `--vacuum` did; nil when it was not asked for (or the run failed first).
    package var vacuum: VacuumResult?
    /// Why the run stopped early, if it did.
    package var error: String?

    package init(before: Date, dryRun: Bool, tally: RetentionTally) {
        self.before = before
        self.dryRun = dryRun
        self.tally = tally
    }

    /// What `--vacuum` came to.
    package enum VacuumResult {
        /// SQLite rebuilt: its file's size before and after.
        case rebuilt(before: Int, after: Int)
        /// Nothing of the kind to do (PostgreSQL).
        case notNeeded
    }

    package var lines: [String] {
        var lines = ["before \(TransactionJSON.iso8601(before))"]
        lines.append((dryRun ? "would remove: " : "removed: ") + tally.description)
        if dryRun { lines.append("dry run: nothing removed") }
        if let report {
            let milliseconds = Self.milliseconds(report.longestBatch)
            lines.append("batches: \(report.batches), the longest \(milliseconds) ms")
            if let space = report.space { lines.append("space: \(space)") }
        }
        if let export {
            let written = export.counts
            lines.append(
                "export: \(export.path) (\(written.texts) text(s), \(written.campaigns) campaign(s), "
                    + "\(written.recipients) recipient(s))")
        }
        switch vacuum {
        case .rebuilt(let before, let after):
            lines.append("vacuum: the store was rebuilt, \(FreeSpace.size(before)) → \(FreeSpace.size(after))")
        case .notNeeded: lines.append("vacuum: nothing to do: PostgreSQL's autovacuum reclaims the space")
        case nil: break
        }
        return lines
    }

    package var json: JSONValue {
        var object: [String: JSONValue] = [
            "before": .string(TransactionJSON.iso8601(before)), "dry_run": .bool(dryRun),
            (dryRun ? "would_remove" : "removed"): .object([
                "texts": .int(tally.texts), "attempts": .int(tally.attempts), "raw_requests": .int(tally.rawRequests),
                "soft_locks": .int(tally.composingMarks), "campaigns": .int(tally.campaigns),
                "recipients": .int(tally.recipients),
            ]),
        ]
        if let report {
            object["batches"] = .int(report.batches)
            object["longest_batch_ms"] = .int(Self.milliseconds(report.longestBatch))
            if let space = report.space { object["space"] = Self.json(space) }
        }
        if let export {
            let written = export.counts
            object["export"] = .object([
                "path": .string(export.path), "texts": .int(written.texts), "campaigns": .int(written.campaigns),
                "recipients": .int(written.recipients),
            ])
        }
        switch vacuum {
        case .rebuilt(let before, let after):
            object["vacuum"] = .object(["bytes_before": .int(before), "bytes_after": .int(after)])
        case .notNeeded: object["vacuum"] = .object(["note": .string("PostgreSQL's autovacuum reclaims the space")])
        case nil: break
        }
        if let error { object["error"] = .string(error) }
        return .object(object)
    }

    private static func json(_ space: FreeSpace) -> JSONValue {
        var object: [String: JSONValue] = ["note": .string(space.description)]
        switch space {
        case .returned(let bytes, let left):
            object["state"] = "returned"
            object["bytes"] = .int(bytes)
            object["left_bytes"] = .int(left)
        case .keptForReuse(let bytes):
            object["state"] = "kept_for_reuse"
            object["bytes"] = .int(bytes)
        case .managedByServer: object["state"] = "managed_by_server"
        }
        return .object(object)
    }

    private static func milliseconds(_ duration: Duration) -> Int {
        Int((duration.timeInterval * 1000).rounded(.up))
    }
}
