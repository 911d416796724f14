import Foundation
import GRDB
import Logging

/// The search index's own file, beside the store (`<store>-search`), attached to the connections that search or
/// index as schema `search`: SQLite's write lock is per file, so the index's writes (an FTS5 merge step can take
/// 10 ms) never hold up a callback's commit, and a callback never waits for them.
///
/// The file holds only what can be rebuilt from the store: `text_index` (FTS5, trigram tokenizer, contentless: the
/// texts stay in the store) and `index_state`, with `indexed` (the highest text rowid indexed: every text up to it
/// is, those after are scanned by a search), `removed` (the last `search_removed` entry taken out of the index) and
/// `epoch` (the store's `search_epoch`, so a file from another store, or an older copy, is noticed). A missing,
/// foreign or stale file is rebuilt when the store is opened; deleting it is safe while no process has the store open.
///
/// The store's side (migration v7) is the queue `search_removed`: its delete trigger keeps each removed text's indexed
/// values (FTS5's 'delete' needs them) and, when the text was the newest, the highest rowid left (`ceiling`): SQLite
/// hands rowids above it out again, so the index must not be trusted above it until it has taken those texts out.
enum SQLiteSearchFile {
    /// Texts indexed per transaction while the index is rebuilt (progress is logged between).
    static let buildBatch = 50_000

    static func path(forStore path: String) -> String { path + "-search" }

    static func attach(_ db: Database, storePath: String) throws {
        try db.execute(sql: "ATTACH DATABASE ? AS search", arguments: [path(forStore: storePath)])
    }

    /// The rowid up to which a search may trust the index: `indexed`, and below any newest text removed since (its
    /// rowid, and those after it, may belong to a new text by now).
    static let trustedHorizon = """
        (SELECT MIN(v) FROM (SELECT value AS v FROM search.index_state WHERE name = 'indexed'
        UNION ALL SELECT MIN(ceiling) FROM main.search_removed WHERE ceiling IS NOT NULL))
        """

    /// Migration v7 of the store: the index moves to its own file; the store keeps the queue of removed texts.
    static func migrateStore(_ db: Database) throws {
        try db.execute(
            sql: """
                DROP TRIGGER inbound_transaction_search_delete;
                DROP TABLE search_removed;
                DROP TABLE main.inbound_search;
                DELETE FROM store_counter WHERE name = 'search_indexed';
                INSERT INTO store_counter (name, value) VALUES ('search_epoch', abs(random()));
                CREATE TABLE search_removed (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT, text_rowid INTEGER NOT NULL, message TEXT NOT NULL,
                    id TEXT NOT NULL, tagg TEXT NOT NULL, ceiling INTEGER);
                CREATE INDEX search_removed_ceiling ON search_removed(ceiling) WHERE ceiling IS NOT NULL;
                CREATE TRIGGER inbound_transaction_search_delete AFTER DELETE ON inbound_transaction BEGIN
                    INSERT INTO search_removed (text_rowid, message, id, tagg, ceiling)
                        SELECT OLD.rowid, OLD.message, OLD.id, OLD.tagg, CASE WHEN OLD.rowid > newest THEN newest END
                        FROM (SELECT COALESCE(MAX(rowid), 0) AS newest FROM inbound_transaction);
                END;
                """)
    }

    /// Creates the file's tables if needed, and rebuilds the index if it is new, from another store, or ahead of the
    /// store (an older copy of the store put back). Runs on the index's connection, under the migration lock.
    static func prepare(_ db: Database, logger: Logger) throws {
        // A new file gives space back like the store (it can be set only before the first table; VACUUM of the
        // empty file applies it).
        if try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM search.sqlite_master") == 0 {
            try db.execute(sql: "PRAGMA search.auto_vacuum = INCREMENTAL")
            if try Int.fetchOne(db, sql: "PRAGMA search.auto_vacuum") != 2 { try db.execute(sql: "VACUUM search") }
        }
        try db.execute(sql: "PRAGMA search.journal_mode = WAL")
        try db.execute(
            sql: """
                CREATE TABLE IF NOT EXISTS search.index_state (name TEXT PRIMARY KEY NOT NULL, value INTEGER NOT NULL)
                    WITHOUT ROWID;
                CREATE VIRTUAL TABLE IF NOT EXISTS search.text_index USING fts5(
                    message, id, tagg, content = '', tokenize = 'trigram');
                """)
        var epoch: Int64?
        var stale = false
        // One snapshot of both files: another process's indexer between the reads would look like a stale index.
        try db.inTransaction(.deferred) {
            epoch = try Int64.fetchOne(db, sql: "SELECT value FROM main.store_counter WHERE name = 'search_epoch'")
            let state = try stateValues(db)
            let newest =
                try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(rowid), 0) FROM main.inbound_transaction") ?? 0
            let ceilingPending =
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM main.search_removed WHERE ceiling IS NOT NULL") ?? 0 > 0
            // Ahead of the store: an older copy of the store was put back (its queue positions behind the index's).
            let lastQueued =
                try Int64.fetchOne(db, sql: "SELECT seq FROM main.sqlite_sequence WHERE name = 'search_removed'") ?? 0
            let ahead = ((state["indexed"] ?? 0) > newest && !ceilingPending) || (state["removed"] ?? 0) > lastQueued
            stale = state["epoch"] != epoch || ahead
            return .commit
        }
        guard let epoch else {
            // A store whose epoch went missing (edited by hand) gets a new one, so the index is rebuilt once, not
            // at every opening.
            let new = Int64.random(in: 1...Int64.max)
            try db.execute(
                sql: "INSERT INTO main.store_counter (name, value) VALUES ('search_epoch', ?)", arguments: [new])
            return try rebuild(db, epoch: new, logger: logger)
        }
        guard stale else { return }
        try rebuild(db, epoch: epoch, logger: logger)
    }

    /// Empties the index and indexes every stored text again, a batch per transaction (each writes only the
    /// index's file), logging the progress of a large store.
    static func rebuild(_ db: Database, epoch: Int64, logger: Logger) throws {
        var removed: Int64 = 0
        try db.inTransaction(.deferred) {
            try db.execute(sql: "DELETE FROM search.index_state")
            try db.execute(sql: "INSERT INTO search.text_index (text_index) VALUES ('delete-all')")
            try SQLiteSearchMerging.apply(db, table: "search.text_index")
            removed = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(seq), 0) FROM main.search_removed") ?? 0
            try db.execute(
                sql: """
                    INSERT INTO search.index_state (name, value) VALUES ('epoch', ?), ('indexed', 0), ('removed', ?)
                    """,
                arguments: [epoch, removed])
            return .commit
        }
        try dropRemoved(db, through: removed)
        let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM main.inbound_transaction") ?? 0
        guard total > 0 else { return }
        let large = total > buildBatch
        if large { logger.notice("building the search index of \(total) stored texts (once)") }
        let started = ContinuousClock.now
        var done = 0
        // Steps like the indexer's, with no age limit: what retention removes meanwhile is taken out first.
        while case let handled = try SQLiteSearchIndex.step(db, indexingBefore: .infinity, limit: buildBatch),
            handled > 0
        {
            done = min(total, done + handled)
            if large { logger.notice("search index: \(done) of \(total) texts") }
        }
        if large { logger.notice("search index built in \(ContinuousClock.now - started)") }
    }

    /// Takes the index file's write lock (and only its) before anything is read: a transaction that read first
    /// could not write after another connection's commit, and a `BEGIN IMMEDIATE` takes every attached file's lock.
    static func lockIndex(_ db: Database) throws {
        try db.execute(sql: "UPDATE search.index_state SET value = value WHERE name = 'indexed'")
    }

    /// Drops the store's queue entries the index has taken out, in a transaction that writes only the store.
    static func dropRemoved(_ db: Database, through seq: Int64) throws {
        try db.inTransaction(.deferred) {
            try db.execute(sql: "DELETE FROM main.search_removed WHERE seq <= ?", arguments: [seq])
            return .commit
        }
    }

    static func stateValues(_ db: Database) throws -> [String: Int64] {
        var values: [String: Int64] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT name, value FROM search.index_state") {
            values[row[0]] = row[1]
        }
        return values
    }

    static func setState(_ db: Database, _ name: String, _ value: Int64) throws {
        try db.execute(sql: "UPDATE search.index_state SET value = ? WHERE name = ?", arguments: [value, name])
    }
}
