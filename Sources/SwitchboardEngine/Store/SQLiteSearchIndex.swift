import Foundation
import GRDB
import Logging

/// The connection that writes the search index (``SQLiteSearchFile``): its own, not the store's writer, so that in
/// `serve` a callback never queues behind an index transaction, and its transactions write only the index's file.
/// Each step takes removed texts out of the index first (in the store's removal order), then adds texts in arrival
/// order, and afterwards drops the queue entries it has taken out, in a short transaction of the store's.
final class SQLiteSearchIndex: Sendable {
    private let queue: DatabaseQueue

    /// Opens the connection and prepares the index's file (creating or rebuilding it if needed).
    init(storePath: String, logger: Logger) throws {
        var configuration = Configuration()
        configuration.busyMode = SQLiteBusyWait.mode
        configuration.label = "switchboard.search"
        configuration.prepareDatabase { db in
            try SQLiteSearchFile.attach(db, storePath: storePath)
            // The index's commits are durable before the store's queue entries go; the store's side needs no
            // flush of its own (an entry left behind is skipped by its position, and dropped by the next step).
            try db.execute(sql: "PRAGMA search.synchronous = FULL")
            try db.execute(sql: "PRAGMA main.synchronous = NORMAL")
        }
        queue = try DatabaseQueue(path: storePath, configuration: configuration)
        try queue.writeWithoutTransaction { db in try SQLiteSearchFile.prepare(db, logger: logger) }
    }

    /// One step: up to `limit` removed texts taken out, then, if that left room, texts received before `before`
    /// (nil: none) added. Returns how many removed texts and added texts it went through.
    func step(indexingBefore before: Date?, limit: Int) async throws -> Int {
        let before = before?.timeIntervalSince1970
        return try await queue.writeWithoutTransaction { db -> Int in
            guard try Self.hasWork(db, indexingBefore: before) else { return 0 }
            return try Self.step(db, indexingBefore: before, limit: limit)
        }
    }

    /// The step itself, on a connection with the index attached (the rebuild's batches are steps too: adding texts
    /// before the removals queued meanwhile are taken out would 'delete' entries the index never had).
    static func step(_ db: Database, indexingBefore before: Double?, limit: Int) throws -> Int {
        let limit = max(1, limit)
        var handled = 0
        var takenOutThrough: Int64 = 0
        try db.inTransaction(.deferred) {
            try SQLiteSearchFile.lockIndex(db)
            let state = try SQLiteSearchFile.stateValues(db)
            var horizon = state["indexed"] ?? 0
            takenOutThrough = state["removed"] ?? 0
            let removals = try takeOutRemoved(db, after: takenOutThrough, limit: limit, horizon: &horizon)
            handled = removals.count
            if let last = removals.last {
                takenOutThrough = last
                try SQLiteSearchFile.setState(db, "removed", last)
            }
            var changed = removals.changed
            if removals.count < limit, let before {
                let added = try add(db, after: horizon, receivedBefore: before, limit: limit - removals.count)
                if let last = added.last { horizon = last }
                handled += added.count
                changed += added.count
            }
            try SQLiteSearchFile.setState(db, "indexed", horizon)
            try SQLiteSearchMerging.merge(db, afterChanging: changed)
            return .commit
        }
        // Also what an earlier step took out but could not drop (its process stopped, or the store was busy).
        if try Bool.fetchOne(
            db, sql: "SELECT EXISTS (SELECT 1 FROM main.search_removed WHERE seq <= ?)", arguments: [takenOutThrough])
            == true
        {
            try SQLiteSearchFile.dropRemoved(db, through: takenOutThrough)
        }
        return handled
    }

    /// Whether a step would change anything: looked at without a transaction of the index's, whose commit (an fsync)
    /// every couple of seconds an idle receiver would pay for nothing.
    private static func hasWork(_ db: Database, indexingBefore before: Double?) throws -> Bool {
        if try Bool.fetchOne(
            db, sql: "SELECT EXISTS (SELECT 1 FROM main.search_removed)") == true
        {
            return true
        }
        guard let before else { return false }
        let state = try SQLiteSearchFile.stateValues(db)
        let next = try Double.fetchOne(
            db, sql: "SELECT received_at FROM main.inbound_transaction WHERE rowid > ? ORDER BY rowid LIMIT 1",
            arguments: [state["indexed"] ?? 0])
        return next.map { $0 < before } ?? false
    }

    /// Empties the index and builds it again from the store (after a `VACUUM`, which may renumber the rowids).
    func rebuild(logger: Logger) async throws {
        try await queue.writeWithoutTransaction { db in
            let epoch = try Int64.fetchOne(db, sql: "SELECT value FROM main.store_counter WHERE name = 'search_epoch'")
            try SQLiteSearchFile.rebuild(db, epoch: epoch ?? 0, logger: logger)
        }
    }

    /// Gives up to `bytes` of the file's free pages back to the file system (taken-out entries free them as the
    /// index merges).
    func giveSpaceBack(bytes: Int) async throws -> FreeSpace {
        try await queue.writeWithoutTransaction { db in
            try SQLiteFreePages.giveBack(db, schema: "search", bytes: bytes)
        }
    }

    /// Reads and writes on the index's connection (tests, checks).
    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await queue.writeWithoutTransaction(body)
    }

    func close() throws { try queue.close() }

    /// Takes the queue's entries after `after` out of the index, in order: an entry whose text is above `horizon` was
    /// never indexed, and one with a ceiling lowers the horizon to it (rowids above may be handed out again).
    private static func takeOutRemoved(_ db: Database, after: Int64, limit: Int, horizon: inout Int64) throws
        -> (count: Int, changed: Int, last: Int64?)
    {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT seq, text_rowid, message, id, tagg, ceiling FROM main.search_removed WHERE seq > ?
                ORDER BY seq LIMIT ?
                """,
            arguments: [after, limit])
        let delete = try db.cachedStatement(
            sql: "INSERT INTO search.text_index (text_index, rowid, message, id, tagg) VALUES ('delete', ?, ?, ?, ?)")
        var changed = 0
        for row in rows {
            let rowid: Int64 = row["text_rowid"]
            if rowid <= horizon {
                try delete.execute(arguments: [rowid, row["message"], row["id"], row["tagg"]])
                changed += 1
            }
            if let ceiling: Int64 = row["ceiling"] { horizon = min(horizon, ceiling) }
        }
        return (rows.count, changed, rows.last.map { $0["seq"] })
    }

    /// Adds the texts after `after`, in arrival order, up to the first still too new; returns how many and the last
    /// rowid added.
    private static func add(_ db: Database, after: Int64, receivedBefore before: Double, limit: Int) throws
        -> (count: Int, last: Int64?)
    {
        let candidates = try Row.fetchAll(
            db, sql: "SELECT rowid, received_at FROM main.inbound_transaction WHERE rowid > ? ORDER BY rowid LIMIT ?",
            arguments: [after, limit])
        let ready = candidates.prefix { ($0[1] as Double) < before }
        guard let last = ready.last.map({ $0[0] as Int64 }) else { return (0, nil) }
        try db.execute(
            sql: """
                INSERT INTO search.text_index (rowid, message, id, tagg)
                SELECT rowid, message, id, tagg FROM main.inbound_transaction WHERE rowid > ? AND rowid <= ?
                """,
            arguments: [after, last])
        return (ready.count, last)
    }
}
