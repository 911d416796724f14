import Foundation
import Logging
import NIOCore
import PostgresNIO
import Synchronization

/// The shared store: one PostgreSQL database used by several processes (receivers, consoles, broadcast runners).
///
/// Every change is one transaction on a pooled connection. A read-then-write (a claim, a takeover) locks the rows
/// it reads (`SELECT … FOR UPDATE`, always the transaction's row before its journal rows, the campaign's before its
/// recipients', so writers never deadlock) and commits before the caller goes to the network: no lock outlives a
/// store call. Each change that concerns the inbox sends a `NOTIFY` with ids only, in its own transaction, so it
/// is seen exactly when it commits; ``changes()`` listens on one dedicated connection.
package final class PostgresStore: Store {
    /// How long a caller waits for PostgreSQL before a store call fails with ``StoreError/unavailable(_:)``.
    ///
    /// Without a bound, a call made while the server is away waits for the pool to give up, a minute later. With one,
    /// the receiver answers 503 within a few seconds and Tagga resends. A call that runs out of time may still
    /// commit afterwards (its statement was already sent): its caller was told it failed, which is harmless for
    /// idempotent writes such as a callback (keyed by its transaction id), and for the others no worse than a
    /// connection lost in the middle.
    package struct Timeouts: Sendable {
        /// Every call but the bulk ones.
        package var operation: Duration = .seconds(5)
        /// Calls whose work grows with the data: creating a campaign, listing the whole inbox or journal,
        /// queueing a campaign's recipients again.
        package var bulk: Duration = .seconds(60)

        package init() {}
    }

    let pool: PostgresPool
    let logger: Logger
    let endpoint: PostgresEndpoint
    let timeouts: Timeouts
    /// Marks this object's own notifications, which it has already published as they committed.
    let origin = UUID().uuidString
    let broadcaster = ChangeBroadcaster()
    let listener: PostgresChangeListener
    private let closed = Mutex(false)

    private init(endpoint: PostgresEndpoint, timeouts: Timeouts, logger: Logger) {
        self.endpoint = endpoint
        self.timeouts = timeouts
        self.logger = logger
        pool = PostgresPool(endpoint: endpoint, logger: logger)
        listener = PostgresChangeListener(
            endpoint: endpoint, origin: origin, broadcaster: broadcaster, logger: logger)
    }

    /// Connects to the database at `url` and applies the migrations it lacks.
    package static func open(
        url: String, timeouts: Timeouts = Timeouts(), logger: Logger = PostgresStore.silentLogger
    ) async throws -> PostgresStore {
        let store = PostgresStore(endpoint: try PostgresEndpoint(url: url), timeouts: timeouts, logger: logger)
        do {
            // One direct connection first: an unreachable server fails at once (the pool would keep retrying).
            let probe = try await PostgresConnection.connect(
                configuration: try store.endpoint.connectionConfiguration(applicationName: "switchboard"), id: 0,
                logger: logger)
            try await probe.close()
            try await PostgresMigrations.migrate(store.pool.client, logger: logger)
        } catch {
            try? await store.close()
            throw StoreError.unavailable("\(store.endpoint.displayName): \(PostgresErrors.describe(error))")
        }
        return store
    }

    /// A logger that drops everything (the console owns the terminal; callers pass a file logger when they want).
    package static let silentLogger = Logger(label: "switchboard.store.postgres") { _ in SwiftLogNoOpLogHandler() }

    package func transaction(id: String) async throws -> InboxTransaction? {
        try await read { [self] connection in
            try await connection.query(
                "SELECT \(unescaped: PostgresRows.transactionColumns) FROM inbound_transaction WHERE id = \(id)",
                logger: logger
            ).first(PostgresRows.transaction)
        }
    }

    package func transactions(_ query: TransactionQuery) async throws -> [InboxTransaction] {
        var binds = PostgresBindings()
        var clauses: [String] = []
        if let states = query.states {
            binds.append(states.map(\.rawValue).sorted())
            clauses.append("state = ANY($\(binds.count))")
        }
        if let since = query.receivedSince {
            binds.append(since.timeIntervalSince1970)
            clauses.append("received_at >= $\(binds.count)")
        }
        var sql = "SELECT \(PostgresRows.transactionColumns) FROM inbound_transaction"
        if !clauses.isEmpty { sql += " WHERE " + clauses.joined(separator: " AND ") }
        sql += " ORDER BY received_at ASC, id ASC"
        if let limit = query.limit { sql += " LIMIT \(max(0, limit))" }
        let statement = PostgresQuery(unsafeSQL: sql, binds: binds)
        return try await read(timeout: timeouts.bulk) { [self] connection in
            try await connection.query(statement, logger: logger).map(PostgresRows.transaction)
        }
    }

    package func journal(transactionID: String) async throws -> [ReplyJournalEntry] {
        try await read { [self] connection in
            try await Self.journal(connection, transactionID: transactionID, logger: logger)
        }
    }

    package func allJournalEntries() async throws -> [ReplyJournalEntry] {
        try await read(timeout: timeouts.bulk) { [self] connection in
            try await connection.query(
                "SELECT \(unescaped: PostgresRows.journalColumns) FROM reply_attempt ORDER BY transaction_id, id",
                logger: logger
            ).map(PostgresRows.journalEntry)
        }
    }

    package func rawCallback(transactionID: String) async throws -> RawCallbackRequest? {
        try await read { [self] connection in
            try await connection.query(
                """
                SELECT \(unescaped: PostgresRows.rawCallbackColumns) FROM callback_request
                WHERE transaction_id = \(transactionID)
                """, logger: logger
            ).first(PostgresRows.rawCallback)
        }
    }

    package func count() async throws -> Int {
        try await read { [self] connection in
            try await connection.query("SELECT COUNT(*) FROM inbound_transaction", logger: logger)
                .first { try $0.decode(Int.self) } ?? 0
        }
    }

    package func checkAvailable() async throws {
        _ = try await read { [self] connection in try await connection.query("SELECT 1", logger: logger).map { _ in 1 }
        }
    }

    package func statistics(now: Date, window: ReplyWindow) async throws -> StoreStatistics {
        let since = now.addingTimeInterval(-window.window.timeInterval).timeIntervalSince1970
        return try await read { [self] connection in
            let open =
                try await connection.query(
                    """
                    SELECT COUNT(*) FROM inbound_transaction
                    WHERE state IN ('pending', 'replying') AND received_at >= \(since)
                    """, logger: logger
                ).first { try $0.decode(Int.self) } ?? 0
            // Kept by triggers in the transaction that wrote each attempt: no scan of the journal.
            var byCode: [String: Int] = [:]
            let rows = try await connection.query(
                "SELECT name, value FROM store_counter WHERE name LIKE 'reply:%' AND value <> 0", logger: logger
            ).map { try $0.decode((String, Int).self) }
            for (name, count) in rows { byCode[String(name.dropFirst(6))] = count }
            return StoreStatistics(openTransactions: open, repliesByReturnCode: byCode)
        }
    }

    package func changes() -> AsyncStream<StoreChange> {
        let stream = broadcaster.subscribe()
        if !closed.withLock({ $0 }) { listener.startIfNeeded() }
        return stream
    }

    package func close() async throws {
        let wasClosed = closed.withLock { closed in
            defer { closed = true }
            return closed
        }
        guard !wasClosed else { return }
        await listener.stop()
        broadcaster.finish()
        await pool.close()
    }

    // MARK: Plumbing

    /// Runs `body` in one transaction (committed when it returns, rolled back when it throws) within `timeout`
    /// (``Timeouts/operation`` unless given); errors come out as ``StoreError``s.
    @discardableResult
    func write<T: Sendable>(
        timeout: Duration? = nil, _ body: @escaping @Sendable (PostgresConnection) async throws -> T
    ) async throws -> T {
        try await bounded(timeout) { client, connected in
            try await client.withTransaction(logger: self.logger) { connection in
                connected.mark()
                return try await body(connection)
            }
        }
    }

    /// Runs `body` on a pooled connection, outside any explicit transaction, within `timeout`.
    func read<T: Sendable>(
        timeout: Duration? = nil, _ body: @escaping @Sendable (PostgresConnection) async throws -> T
    ) async throws -> T {
        try await bounded(timeout) { client, connected in
            try await client.withConnection { connection in
                connected.mark()
                return try await body(connection)
            }
        }
    }

    /// Runs `operation` on the current pool within the time limit. When the pool gave it no connection (the
    /// server is away, or was and the pool has not noticed its return), the pool checks whether to renew itself.
    private func bounded<T: Sendable>(
        _ timeout: Duration?, _ operation: @escaping @Sendable (PostgresClient, LeaseFlag) async throws -> T
    ) async throws -> T {
        try requireOpen()
        let limit = timeout ?? timeouts.operation
        let client = pool.client
        let connected = LeaseFlag()
        do {
            return try await StoreDeadline.run(within: limit) { try await operation(client, connected) }
        } catch {
            let storeError = PostgresErrors.storeError(error)
            if !connected.isMarked && !PostgresErrors.isServerError(error) { pool.serverMayBeBack() }
            if error is StoreDeadline.Expired {
                throw StoreError.unavailable(
                    "PostgreSQL at \(endpoint.displayName) did not answer within \(limit): check that the "
                        + "server is running and reachable; the store works again by itself once it is")
            }
            throw storeError
        }
    }

    private func requireOpen() throws {
        if closed.withLock({ $0 }) { throw StoreError.unavailable("the store is closed") }
    }

    /// Tells the other processes, when the surrounding transaction commits.
    func notify(_ connection: PostgresConnection, _ change: StoreChange) async throws {
        let payload = PostgresChangeListener.payload(change, origin: origin)
        try await connection.query(
            "SELECT pg_notify(\(PostgresChangeListener.channel), \(payload))", logger: logger)
    }

    static func journal(_ connection: PostgresConnection, transactionID: String, logger: Logger) async throws
        -> [ReplyJournalEntry]
    {
        try await connection.query(
            """
            SELECT \(unescaped: PostgresRows.journalColumns) FROM reply_attempt
            WHERE transaction_id = \(transactionID) ORDER BY id
            """, logger: logger
        ).map(PostgresRows.journalEntry)
    }
}

/// Whether a store call got a connection from the pool.
final class LeaseFlag: Sendable {
    private let leased = Mutex(false)

    func mark() { leased.withLock { $0 = true } }

    var isMarked: Bool { leased.withLock { $0 } }
}
