/// PostgreSQL migration 3, what lets a reader's cost follow what changed instead of what is stored:
/// - `change_xid`, the id of the transaction that last wrote a text (set on insert by its default, on every update
///   by a trigger), with an index: a reader asks for `change_xid >= C`, where C is the `xmin` of the snapshot of
///   its previous read (see ``ChangeCursor``);
/// - counters by state and by reply return code, kept by statement-level triggers in the writing transaction (each
///   statement's rows are counted together, the counter rows locked in name order);
/// - an index on `(received_at, id)` for keyset pagination (it replaces the one on `received_at`);
/// - `inbound_search`, each text's id, tagg and message lower-cased, with a `pg_trgm` index, so a search for any
///   piece of three characters or more is answered from the index. As in SQLite it is filled by the receiver after
///   the commits (a trigram index written by each group commit raised the receiver's p99 by half), up to
///   `search_horizon`, the `(received_at, id)` of the last text indexed; a search also scans the texts after it.
///   A row goes with its text (`ON DELETE CASCADE`).
enum PostgresScaleSchema {
    /// What a search compares, written from a text's columns.
    static let searchDocument = "lower(id || ' ' || tagg || ' ' || message)"

    static let statements: [String] =
        [
            "ALTER TABLE inbound_transaction ADD COLUMN change_xid bigint NOT NULL DEFAULT 0",
            // Set apart from ADD COLUMN: a volatile default there would rewrite every stored row.
            "ALTER TABLE inbound_transaction ALTER COLUMN change_xid SET DEFAULT (pg_current_xact_id()::text::bigint)",
            """
            CREATE FUNCTION switchboard_mark_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                NEW.change_xid := pg_current_xact_id()::text::bigint;
                RETURN NEW;
            END $$
            """,
            """
            CREATE TRIGGER inbound_transaction_change BEFORE UPDATE ON inbound_transaction
            FOR EACH ROW EXECUTE FUNCTION switchboard_mark_change()
            """,
            "CREATE INDEX inbound_transaction_change ON inbound_transaction(change_xid)",
            "CREATE INDEX inbound_transaction_received_id ON inbound_transaction(received_at, id)",
            "DROP INDEX inbound_transaction_received",
            "CREATE TABLE store_counter (name text PRIMARY KEY, value bigint NOT NULL)",
            """
            INSERT INTO store_counter (name, value)
            SELECT 'state:' || state, COUNT(*) FROM inbound_transaction GROUP BY state
            """,
            """
            INSERT INTO store_counter (name, value)
            SELECT 'reply:' || COALESCE(return_code::text, 'unknown'), COUNT(*) FROM reply_attempt GROUP BY 1
            """,
            """
            CREATE FUNCTION switchboard_count_rows() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_TABLE_NAME = 'inbound_transaction' THEN
                    IF TG_OP = 'INSERT' THEN
                        INSERT INTO store_counter (name, value)
                        SELECT 'state:' || state, COUNT(*) FROM new_rows GROUP BY 1 ORDER BY 1
                        ON CONFLICT (name) DO UPDATE SET value = store_counter.value + excluded.value;
                    ELSIF TG_OP = 'DELETE' THEN
                        INSERT INTO store_counter (name, value)
                        SELECT 'state:' || state, -COUNT(*) FROM old_rows GROUP BY 1 ORDER BY 1
                        ON CONFLICT (name) DO UPDATE SET value = store_counter.value + excluded.value;
                    ELSE
                        INSERT INTO store_counter (name, value)
                        SELECT name, SUM(delta) FROM (
                            SELECT 'state:' || state AS name, 1 AS delta FROM new_rows
                            UNION ALL SELECT 'state:' || state, -1 FROM old_rows) d
                        GROUP BY name HAVING SUM(delta) <> 0 ORDER BY name
                        ON CONFLICT (name) DO UPDATE SET value = store_counter.value + excluded.value;
                    END IF;
                ELSE
                    IF TG_OP = 'INSERT' THEN
                        INSERT INTO store_counter (name, value)
                        SELECT 'reply:' || COALESCE(return_code::text, 'unknown'), COUNT(*) FROM new_rows
                        GROUP BY 1 ORDER BY 1
                        ON CONFLICT (name) DO UPDATE SET value = store_counter.value + excluded.value;
                    ELSIF TG_OP = 'DELETE' THEN
                        INSERT INTO store_counter (name, value)
                        SELECT 'reply:' || COALESCE(return_code::text, 'unknown'), -COUNT(*) FROM old_rows
                        GROUP BY 1 ORDER BY 1
                        ON CONFLICT (name) DO UPDATE SET value = store_counter.value + excluded.value;
                    ELSE
                        INSERT INTO store_counter (name, value)
                        SELECT name, SUM(delta) FROM (
                            SELECT 'reply:' || COALESCE(return_code::text, 'unknown') AS name, 1 AS delta FROM new_rows
                            UNION ALL SELECT 'reply:' || COALESCE(return_code::text, 'unknown'), -1 FROM old_rows) d
                        GROUP BY name HAVING SUM(delta) <> 0 ORDER BY name
                        ON CONFLICT (name) DO UPDATE SET value = store_counter.value + excluded.value;
                    END IF;
                END IF;
                RETURN NULL;
            END $$
            """,
        ] + countTriggers(table: "inbound_transaction") + countTriggers(table: "reply_attempt") + [
            "CREATE EXTENSION IF NOT EXISTS pg_trgm",
            """
            CREATE TABLE inbound_search (
                id text PRIMARY KEY REFERENCES inbound_transaction(id) ON DELETE CASCADE,
                document text NOT NULL
            )
            """,
            "CREATE TABLE search_horizon (received_at double precision NOT NULL, id text NOT NULL)",
            // The texts stored before this migration are indexed once, here (the migration's duration is logged).
            "INSERT INTO inbound_search (id, document) SELECT id, \(searchDocument) FROM inbound_transaction",
            """
            INSERT INTO search_horizon (received_at, id)
            SELECT COALESCE(MAX(received_at), 0), COALESCE(MAX(id), '') FROM inbound_transaction
            WHERE received_at = (SELECT MAX(received_at) FROM inbound_transaction)
            """,
            "CREATE INDEX inbound_search_document ON inbound_search USING gin (document gin_trgm_ops)",
        ]

    /// One statement-level trigger per kind of write (PostgreSQL allows transition tables on one event only).
    private static func countTriggers(table: String) -> [String] {
        [
            """
            CREATE TRIGGER \(table)_count_insert AFTER INSERT ON \(table) REFERENCING NEW TABLE AS new_rows
            FOR EACH STATEMENT EXECUTE FUNCTION switchboard_count_rows()
            """,
            """
            CREATE TRIGGER \(table)_count_update AFTER UPDATE ON \(table)
            REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
            FOR EACH STATEMENT EXECUTE FUNCTION switchboard_count_rows()
            """,
            """
            CREATE TRIGGER \(table)_count_delete AFTER DELETE ON \(table) REFERENCING OLD TABLE AS old_rows
            FOR EACH STATEMENT EXECUTE FUNCTION switchboard_count_rows()
            """,
        ]
    }
}
