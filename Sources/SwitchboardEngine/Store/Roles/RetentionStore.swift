import Foundation

/// Retention (`store.retention`, `switchboard prune`): plain DELETEs in short batches, and giving the space back.
package protocol RetentionStore: Sendable {
    /// Counts what ``removeTexts(_:limit:export:)`` and ``removeCampaigns(_:limit:holder:lease:export:)`` would
    /// remove under `rule` (a dry run); removes nothing.
    func retentionTally(_ rule: RetentionRule) async throws -> RetentionTally

    /// Removes, in one short write transaction, up to `limit` of the texts `rule` lets go (oldest receipt first), each
    /// with its raw request, its journal and the soft locks pointing at it. `export`, when given, keeps them first
    /// (see ``RetentionExporter``): if it throws, nothing is removed. Returns what went (nothing when none are left)
    /// and how long the write lock was held.
    func removeTexts(_ rule: RetentionRule, limit: Int, export: (any RetentionExporter)?) async throws -> RetentionStep

    /// Removes, in one short write transaction, up to `limit` recipients of one campaign `rule` lets go (the one
    /// `holder` has begun, else the oldest), and the campaign itself once none are left. The campaign is held for
    /// `holder` as a runner's lease (until `rule.now + lease`, renewed each batch), so no runner resumes it half
    /// removed. `export` receives the rows first, as for texts. Returns what went (nothing when none are left) and how
    /// long the write lock was held.
    func removeCampaigns(
        _ rule: RetentionRule, limit: Int, holder: String, lease: Duration, export: (any RetentionExporter)?
    ) async throws -> RetentionStep

    /// Gives about `bytes` of the space removed rows left back to the file system, in one short write.
    func reclaimSpace(bytes: Int) async throws -> FreeSpace

    /// Rebuilds the store at its smallest, holding the write lock until done (SQLite `VACUUM`, which also turns a
    /// store created before `auto_vacuum` into one that gives space back by itself). False when the store has
    /// nothing of the kind to do (PostgreSQL: its autovacuum does it).
    func vacuum() async throws -> Bool
}
