import Foundation
import GRDB
import Logging

/// Migration v5, what lets a reader's cost follow what changed instead of what is stored: a change position on every
/// text (with an index), counters kept by triggers in the same transaction as the rows they count, a key for
/// keyset pagination, and a full-text index of every text (FTS5, trigram tokenizer: any piece of three characters
/// or more is found, as the console's search always matched).
///
/// The index is not written by the callback's own transaction: indexing texts a few at a time in every group
/// commit halved the receiver's throughput (a new FTS segment, and its merges, per commit). The receiver indexes
/// them afterwards in batches (``SQLiteStore/indexForSearch(receivedBefore:limit:)``); `store_counter`'s
/// `search_indexed` is the highest rowid indexed, and a search also scans the texts above it, so it is complete
/// whatever the indexer's lag. A text deleted (retention) is taken out of the index the same way, later and in
/// small steps: the trigger keeps its indexed values in `search_removed` (taking them out of FTS5 inside the
/// retention's batches made FTS5 merge its segments there, 400 ms with the write lock held), and a search only
/// trusts index entries up to the horizon whose text is still in the table.
///
/// Since migration v7 the index, its horizon and the queue of removed texts are elsewhere: see ``SQLiteSearchFile``.
enum SQLiteScaleSchema {
    /// Texts indexed per statement while an upgraded store builds its search index (progress is logged between).
    static let indexBatch = 50_000

    static func apply(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE inbound_transaction ADD COLUMN change_seq INTEGER NOT NULL DEFAULT 0;
                CREATE INDEX inbound_transaction_change ON inbound_transaction(change_seq);
                CREATE INDEX inbound_transaction_received_id ON inbound_transaction(received_at, id);
                DROP INDEX inbound_transaction_received;
                CREATE TABLE store_counter (name TEXT PRIMARY KEY NOT NULL, value INTEGER NOT NULL) WITHOUT ROWID;
                INSERT INTO store_counter (name, value) VALUES ('change', 0);
                INSERT INTO store_counter (name, value)
                    SELECT 'state:' || state, COUNT(*) FROM inbound_transaction GROUP BY state;
                INSERT INTO store_counter (name, value)
                    SELECT 'reply:' || COALESCE(CAST(return_code AS TEXT), 'unknown'), COUNT(*) FROM reply_attempt
                    GROUP BY 1;
                CREATE TRIGGER inbound_transaction_count_insert AFTER INSERT ON inbound_transaction BEGIN
                    INSERT INTO store_counter (name, value) VALUES ('state:' || NEW.state, 1)
                        ON CONFLICT (name) DO UPDATE SET value = value + 1;
                END;
                CREATE TRIGGER inbound_transaction_count_update AFTER UPDATE OF state ON inbound_transaction
                WHEN OLD.state IS NOT NEW.state BEGIN
                    UPDATE store_counter SET value = value - 1 WHERE name = 'state:' || OLD.state;
                    INSERT INTO store_counter (name, value) VALUES ('state:' || NEW.state, 1)
                        ON CONFLICT (name) DO UPDATE SET value = value + 1;
                END;
                CREATE TRIGGER inbound_transaction_count_delete AFTER DELETE ON inbound_transaction BEGIN
                    UPDATE store_counter SET value = value - 1 WHERE name = 'state:' || OLD.state;
                END;
                CREATE TRIGGER reply_attempt_count_insert AFTER INSERT ON reply_attempt BEGIN
                    INSERT INTO store_counter (name, value)
                        VALUES ('reply:' || COALESCE(CAST(NEW.return_code AS TEXT), 'unknown'), 1)
                        ON CONFLICT (name) DO UPDATE SET value = value + 1;
                END;
                CREATE TRIGGER reply_attempt_count_update AFTER UPDATE OF return_code ON reply_attempt
                WHEN OLD.return_code IS NOT NEW.return_code BEGIN
                    UPDATE store_counter SET value = value - 1
                        WHERE name = 'reply:' || COALESCE(CAST(OLD.return_code AS TEXT), 'unknown');
                    INSERT INTO store_counter (name, value)
                        VALUES ('reply:' || COALESCE(CAST(NEW.return_code AS TEXT), 'unknown'), 1)
                        ON CONFLICT (name) DO UPDATE SET value = value + 1;
                END;
                CREATE TRIGGER reply_attempt_count_delete AFTER DELETE ON reply_attempt BEGIN
                    UPDATE store_counter SET value = value - 1
                        WHERE name = 'reply:' || COALESCE(CAST(OLD.return_code AS TEXT), 'unknown');
                END;
                CREATE VIRTUAL TABLE inbound_search USING fts5(
                    message, id, tagg, content = 'inbound_transaction', content_rowid = 'rowid',
                    tokenize = 'trigram');
                INSERT INTO store_counter (name, value) VALUES ('search_indexed', 0);
                CREATE TABLE search_removed (
                    rowid INTEGER PRIMARY KEY, message TEXT NOT NULL, id TEXT NOT NULL, tagg TEXT NOT NULL);
                CREATE TRIGGER inbound_transaction_search_delete AFTER DELETE ON inbound_transaction BEGIN
                    INSERT OR REPLACE INTO search_removed (rowid, message, id, tagg)
                        SELECT OLD.rowid, OLD.message, OLD.id, OLD.tagg
                        WHERE OLD.rowid <= (SELECT value FROM store_counter WHERE name = 'search_indexed');
                    -- With the newest texts gone, SQLite hands their rowids out again: keep the horizon below them.
                    UPDATE store_counter SET value = (SELECT COALESCE(MAX(rowid), 0) FROM inbound_transaction)
                        WHERE name = 'search_indexed'
                        AND value > (SELECT COALESCE(MAX(rowid), 0) FROM inbound_transaction);
                END;
                """)
        try buildSearchIndex(db)
    }

    /// Indexes the texts stored before this migration, a batch at a time, logging the progress (a store of
    /// millions takes minutes, once).
    private static func buildSearchIndex(_ db: Database) throws {
        let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM inbound_transaction") ?? 0
        guard total > 0 else { return }
        let logger = Logger(label: "switchboard.store")
        logger.notice("building the search index of \(total) stored texts (once, after an upgrade)")
        let started = ContinuousClock.now
        var done = 0
        var after: Int64 = .min
        while true {
            guard
                let last = try Int64.fetchOne(
                    db,
                    sql: "SELECT MAX(rowid) FROM (SELECT rowid FROM inbound_transaction WHERE rowid > ? "
                        + "ORDER BY rowid LIMIT \(indexBatch))",
                    arguments: [after])
            else { break }
            try db.execute(
                sql: """
                    INSERT INTO inbound_search (rowid, message, id, tagg)
                    SELECT rowid, message, id, tagg FROM inbound_transaction WHERE rowid > ? AND rowid <= ?
                    """,
                arguments: [after, last])
            done = min(total, done + indexBatch)
            after = last
            try db.execute(
                sql: "UPDATE store_counter SET value = ? WHERE name = 'search_indexed'", arguments: [last])
            logger.notice("search index: \(done) of \(total) texts")
        }
        logger.notice("search index built in \(ContinuousClock.now - started)")
    }
}
