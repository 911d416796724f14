import GRDB

/// The SQLite schema, as append-only migrations: never edit a shipped one, add the next.
enum SQLiteMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: transactions, raw callbacks, reply journal") { db in
            try db.execute(
                sql: """
                    CREATE TABLE inbound_transaction (
                        id TEXT PRIMARY KEY NOT NULL,
                        tagg TEXT NOT NULL,
                        message TEXT NOT NULL,
                        encoding TEXT NOT NULL,
                        tagg_known INTEGER NOT NULL,
                        received_at REAL NOT NULL,
                        state TEXT NOT NULL,
                        resolution TEXT,
                        reply_message TEXT,
                        replied_at REAL,
                        operator TEXT,
                        claim_token TEXT,
                        claim_operator TEXT,
                        claimed_at REAL,
                        claim_until REAL,
                        last_outcome TEXT,
                        last_return_code INTEGER,
                        attempt_count INTEGER NOT NULL DEFAULT 0,
                        updated_at REAL NOT NULL
                    );
                    CREATE INDEX inbound_transaction_state_received ON inbound_transaction(state, received_at);
                    CREATE INDEX inbound_transaction_received ON inbound_transaction(received_at);
                    CREATE TABLE callback_request (
                        transaction_id TEXT PRIMARY KEY NOT NULL REFERENCES inbound_transaction(id),
                        method TEXT NOT NULL,
                        target TEXT NOT NULL,
                        content_type TEXT,
                        remote_address TEXT,
                        body BLOB NOT NULL,
                        received_at REAL NOT NULL
                    );
                    CREATE TABLE reply_attempt (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        transaction_id TEXT NOT NULL REFERENCES inbound_transaction(id),
                        claim_token TEXT NOT NULL,
                        operator TEXT NOT NULL,
                        message TEXT NOT NULL,
                        paid INTEGER NOT NULL,
                        request_body TEXT NOT NULL,
                        started_at REAL NOT NULL,
                        finished_at REAL,
                        outcome TEXT,
                        return_code INTEGER,
                        response_body TEXT,
                        detail TEXT
                    );
                    CREATE INDEX reply_attempt_transaction ON reply_attempt(transaction_id, id);
                    """)
        }
        migrator.registerMigration("v2: whether a failed reply attempt had been fully written") { db in
            try db.execute(sql: "ALTER TABLE reply_attempt ADD COLUMN request_written INTEGER")
        }
        migrator.registerMigration("v3: broadcast campaigns and their recipients") { db in
            try db.execute(
                sql: """
                    CREATE TABLE campaign (
                        id TEXT PRIMARY KEY NOT NULL,
                        created_at REAL NOT NULL,
                        operator TEXT NOT NULL,
                        sender TEXT NOT NULL,
                        body TEXT NOT NULL,
                        rate REAL NOT NULL,
                        concurrency INTEGER NOT NULL,
                        state TEXT NOT NULL,
                        source TEXT NOT NULL,
                        recipient_count INTEGER NOT NULL,
                        runner_token TEXT,
                        runner_until REAL,
                        updated_at REAL NOT NULL
                    );
                    CREATE TABLE campaign_recipient (
                        campaign_id TEXT NOT NULL REFERENCES campaign(id),
                        position INTEGER NOT NULL,
                        phone TEXT NOT NULL,
                        line INTEGER NOT NULL,
                        body TEXT NOT NULL,
                        state TEXT NOT NULL,
                        attempts INTEGER NOT NULL DEFAULT 0,
                        http_status INTEGER,
                        detail TEXT,
                        not_before REAL,
                        updated_at REAL NOT NULL,
                        PRIMARY KEY (campaign_id, position),
                        UNIQUE (campaign_id, phone)
                    ) WITHOUT ROWID;
                    CREATE INDEX campaign_recipient_state ON campaign_recipient(campaign_id, state, position);
                    """)
        }
        migrator.registerMigration("v4: soft locks, who is writing a reply to what") { db in
            try db.execute(
                sql: """
                    CREATE TABLE composing_mark (
                        console_id TEXT PRIMARY KEY NOT NULL,
                        transaction_id TEXT NOT NULL,
                        operator TEXT NOT NULL,
                        since REAL NOT NULL,
                        until REAL NOT NULL
                    );
                    """)
        }
        migrator.registerMigration("v5: change positions, maintained counters, paging key, search index") { db in
            try SQLiteScaleSchema.apply(db)
        }
        migrator.registerMigration("v6: the search index merges its segments in small steps") { db in
            try SQLiteSearchMerging.apply(db, table: "inbound_search")
        }
        migrator.registerMigration("v7: the search index moves to a file of its own") { db in
            try SQLiteSearchFile.migrateStore(db)
        }
        return migrator
    }
}
