import Logging
import PostgresNIO

/// The PostgreSQL schema, as append-only migrations: never edit a shipped one, add the next. Each is a list of
/// statements (the extended protocol runs one statement per query). Times are epoch seconds in `double precision`,
/// as in SQLite, so a `Date` round-trips exactly.
enum PostgresMigrations {
    struct Migration: Sendable {
        let version: Int
        let name: String
        let statements: [String]
    }

    /// Any process opening the store takes this transaction-scoped advisory lock before migrating, so two processes
    /// starting at once apply each migration exactly once.
    static let lockKey = 7_400_115_001

    static let all: [Migration] = [
        Migration(
            version: 1, name: "transactions, raw callbacks, reply journal, broadcast campaigns",
            statements: [
                """
                CREATE TABLE inbound_transaction (
                    id text PRIMARY KEY,
                    tagg text NOT NULL,
                    message text NOT NULL,
                    encoding text NOT NULL,
                    tagg_known boolean NOT NULL,
                    received_at double precision NOT NULL,
                    state text NOT NULL,
                    resolution text,
                    reply_message text,
                    replied_at double precision,
                    operator text,
                    claim_token text,
                    claim_operator text,
                    claimed_at double precision,
                    claim_until double precision,
                    last_outcome text,
                    last_return_code bigint,
                    attempt_count bigint NOT NULL DEFAULT 0,
                    updated_at double precision NOT NULL
                )
                """,
                "CREATE INDEX inbound_transaction_state_received ON inbound_transaction(state, received_at)",
                "CREATE INDEX inbound_transaction_received ON inbound_transaction(received_at)",
                """
                CREATE TABLE callback_request (
                    transaction_id text PRIMARY KEY REFERENCES inbound_transaction(id),
                    method text NOT NULL,
                    target text NOT NULL,
                    content_type text,
                    remote_address text,
                    body bytea NOT NULL,
                    received_at double precision NOT NULL
                )
                """,
                """
                CREATE TABLE reply_attempt (
                    id bigserial PRIMARY KEY,
                    transaction_id text NOT NULL REFERENCES inbound_transaction(id),
                    claim_token text NOT NULL,
                    operator text NOT NULL,
                    message text NOT NULL,
                    paid boolean NOT NULL,
                    request_body text NOT NULL,
                    started_at double precision NOT NULL,
                    finished_at double precision,
                    outcome text,
                    return_code bigint,
                    response_body text,
                    detail text,
                    request_written boolean
                )
                """,
                "CREATE INDEX reply_attempt_transaction ON reply_attempt(transaction_id, id)",
                "CREATE INDEX reply_attempt_open_claim ON reply_attempt(claim_token) WHERE outcome IS NULL",
                """
                CREATE TABLE campaign (
                    id text PRIMARY KEY,
                    created_at double precision NOT NULL,
                    operator text NOT NULL,
                    sender text NOT NULL,
                    body text NOT NULL,
                    rate double precision NOT NULL,
                    concurrency bigint NOT NULL,
                    state text NOT NULL,
                    source text NOT NULL,
                    recipient_count bigint NOT NULL,
                    runner_token text,
                    runner_until double precision,
                    updated_at double precision NOT NULL
                )
                """,
                """
                CREATE TABLE campaign_recipient (
                    campaign_id text NOT NULL REFERENCES campaign(id),
                    position bigint NOT NULL,
                    phone text NOT NULL,
                    line bigint NOT NULL,
                    body text NOT NULL,
                    state text NOT NULL,
                    attempts bigint NOT NULL DEFAULT 0,
                    http_status bigint,
                    detail text,
                    not_before double precision,
                    updated_at double precision NOT NULL,
                    PRIMARY KEY (campaign_id, position),
                    UNIQUE (campaign_id, phone)
                )
                """,
                "CREATE INDEX campaign_recipient_state ON campaign_recipient(campaign_id, state, position)",
            ]),
        Migration(
            version: 2, name: "soft locks, who is writing a reply to what",
            statements: [
                """
                CREATE TABLE composing_mark (
                    console_id text PRIMARY KEY,
                    transaction_id text NOT NULL,
                    operator text NOT NULL,
                    since double precision NOT NULL,
                    until double precision NOT NULL
                )
                """
            ]),
        Migration(
            version: 3, name: "change positions, maintained counters, paging key, search index",
            statements: PostgresScaleSchema.statements),
    ]

    /// Applies the migrations not yet recorded in `schema_migrations`, in one transaction under the advisory lock.
    static func migrate(_ client: PostgresClient, logger: Logger) async throws {
        try await client.withTransaction(logger: logger) { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(\(lockKey))", logger: logger)
            try await connection.query(
                """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version bigint PRIMARY KEY,
                    name text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now()
                )
                """, logger: logger)
            var applied: Set<Int> = []
            for try await version in try await connection.query(
                "SELECT version FROM schema_migrations", logger: logger
            ).decode(Int.self) {
                applied.insert(version)
            }
            let progress = Logger(label: "switchboard.store")
            for migration in all where !applied.contains(migration.version) {
                // An upgrade of a large store builds indexes here: say what it is doing and how long it took.
                progress.notice("applying PostgreSQL migration \(migration.version): \(migration.name)")
                let started = ContinuousClock.now
                for statement in migration.statements {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                progress.notice("migration \(migration.version) applied in \(ContinuousClock.now - started)")
                try await connection.query(
                    "INSERT INTO schema_migrations (version, name) VALUES (\(migration.version), \(migration.name))",
                    logger: logger)
            }
        }
    }
}
