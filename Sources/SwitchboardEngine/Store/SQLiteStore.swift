import Foundation
import GRDB
import Logging
import Synchronization

/// The embedded store: one SQLite file in WAL mode with `synchronous=FULL` (checked after opening, because GRDB
/// lowers it to NORMAL), shared safely by several processes on one machine.
package final class SQLiteStore: Store {
    package let path: String
    let pool: DatabasePool
    let searchIndex: SQLiteSearchIndex
    let broadcaster = ChangeBroadcaster()
    let watcher: SQLiteChangeWatcher
    private let closed = Mutex(false)

    /// Opens (creating if needed) the database at `path` and applies the migrations.
    package init(path: String) throws {
        self.path = path
        var configuration = Configuration()
        configuration.busyMode = SQLiteBusyWait.mode
        configuration.foreignKeysEnabled = true
        configuration.label = "switchboard"
        configuration.prepareDatabase { db in
            // Readers search, so they see the index's file; the writer does not, or its `BEGIN IMMEDIATE` would take
            // the index's write lock too (the index has its own writer, ``SQLiteSearchIndex``).
            if db.configuration.readonly { try SQLiteSearchFile.attach(db, storePath: path) }
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            let opened = pool
            // Under the lock: a new file is rebuilt empty with auto_vacuum, then migrated, and its search index
            // created or rebuilt if needed, by one process.
            searchIndex = try SQLiteMigrationLock.withLock(storePath: path) {
                try Self.giveSpaceBackIfNew(opened)
                try SQLiteMigrations.migrator.migrate(opened)
                return try SQLiteSearchIndex(storePath: path, logger: Logger(label: "switchboard.store"))
            }
            let synchronous = try pool.writeWithoutTransaction { db -> Int in
                try db.execute(sql: "PRAGMA synchronous = FULL")
                return try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1
            }
            guard synchronous == 2 else {
                throw StoreError.notDurable("PRAGMA synchronous is \(synchronous) after setting FULL (2)")
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.unavailable("\(path): \(error)\(DiskSpace.fullDiskNote(forFileAt: path))")
        }
        watcher = SQLiteChangeWatcher(path: path, broadcaster: broadcaster)
    }

    /// Makes a new, empty file one that can give space back to the file system (`auto_vacuum = INCREMENTAL`), so
    /// that what retention removes does not stay in the file for good. The mode can only change before the first
    /// table, and opening the pool has already written the file's header (WAL mode), so the empty file is rebuilt
    /// with it (a `VACUUM` of nothing: instant). A file that already has tables keeps the mode it was created with;
    /// a store created before this keeps `NONE` and reuses its free pages (`switchboard prune --vacuum` converts it).
    private static func giveSpaceBackIfNew(_ pool: DatabasePool) throws {
        try pool.writeWithoutTransaction { db in
            guard try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master") == 0 else { return }
            try db.execute(sql: "PRAGMA auto_vacuum = INCREMENTAL")
            if try Int.fetchOne(db, sql: "PRAGMA auto_vacuum") != 2 { try db.execute(sql: "VACUUM") }
        }
    }

    /// The value of `PRAGMA auto_vacuum` (0 = NONE, 2 = INCREMENTAL).
    package func autoVacuumMode() async throws -> Int {
        try await pool.read { db in try Int.fetchOne(db, sql: "PRAGMA auto_vacuum") ?? -1 }
    }

    /// The value of `PRAGMA synchronous` on the writer connection (2 = FULL).
    package func writerSynchronousMode() async throws -> Int {
        try await pool.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1 }
    }

    package func insertCallbacks(_ callbacks: [InboundCallback]) async throws -> [CallbackInsertResult] {
        guard !callbacks.isEmpty else { return [] }
        let results = try await immediateWrite { db in
            let change = try SQLiteChanges.advance(db)
            // Prepared once per connection: preparing compiles the triggers too (the counters, the search
            // index), which per callback cost the receiver a third of its throughput.
            let insertText = try db.cachedStatement(
                sql: """
                    INSERT INTO inbound_transaction
                        (id, tagg, message, encoding, tagg_known, received_at, state, updated_at, change_seq)
                    VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?)
                    ON CONFLICT(id) DO NOTHING
                    """)
            let insertRaw = try db.cachedStatement(
                sql: """
                    INSERT INTO callback_request
                        (transaction_id, method, target, content_type, remote_address, body, received_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """)
            return try callbacks.map { callback -> CallbackInsertResult in
                try insertText.execute(
                    arguments: [
                        callback.transactionID, callback.tagg, callback.message, callback.encoding.rawValue,
                        callback.taggKnown, callback.receivedAt.timeIntervalSince1970,
                        callback.receivedAt.timeIntervalSince1970, change,
                    ])
                guard db.changesCount == 1 else { return .duplicate }
                let raw = callback.raw
                try insertRaw.execute(
                    arguments: [
                        callback.transactionID, raw.method, raw.target, raw.contentType, raw.remoteAddress,
                        Data(raw.body), callback.receivedAt.timeIntervalSince1970,
                    ])
                return .inserted
            }
        }
        let inserted = zip(callbacks, results).filter { $0.1 == .inserted }.map(\.0.transactionID)
        if !inserted.isEmpty { broadcaster.publish(.inserted(inserted)) }
        return results
    }

    package func transaction(id: String) async throws -> InboxTransaction? {
        try await pool.read { db in
            try Row.fetchOne(
                db, sql: "SELECT \(SQLiteRows.transactionColumns) FROM inbound_transaction WHERE id = ?",
                arguments: [id]
            ).map(SQLiteRows.transaction)
        }
    }

    package func transactions(_ query: TransactionQuery) async throws -> [InboxTransaction] {
        var clauses: [String] = []
        var arguments: StatementArguments = []
        if let states = query.states {
            clauses.append("state IN (\(states.map { _ in "?" }.joined(separator: ",")))")
            for state in states.sorted(by: { $0.rawValue < $1.rawValue }) { arguments += [state.rawValue] }
        }
        if let since = query.receivedSince {
            clauses.append("received_at >= ?")
            arguments += [since.timeIntervalSince1970]
        }
        var sql = "SELECT \(SQLiteRows.transactionColumns) FROM inbound_transaction"
        if !clauses.isEmpty { sql += " WHERE " + clauses.joined(separator: " AND ") }
        sql += " ORDER BY received_at ASC, id ASC"
        if let limit = query.limit { sql += " LIMIT \(max(0, limit))" }
        let statement = sql
        let bound = arguments
        return try await pool.read { db in
            // A cursor decodes each row in place: no copy of 100,000 rows before conversion.
            try Array(Row.fetchCursor(db, sql: statement, arguments: bound).map(SQLiteRows.transaction))
        }
    }

    package func journal(transactionID: String) async throws -> [ReplyJournalEntry] {
        try await pool.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM reply_attempt WHERE transaction_id = ? ORDER BY id", arguments: [transactionID]
            ).map(SQLiteRows.journalEntry)
        }
    }

    package func allJournalEntries() async throws -> [ReplyJournalEntry] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM reply_attempt ORDER BY transaction_id, id")
                .map(SQLiteRows.journalEntry)
        }
    }

    package func rawCallback(transactionID: String) async throws -> RawCallbackRequest? {
        try await pool.read { db in
            try Row.fetchOne(
                db, sql: "SELECT * FROM callback_request WHERE transaction_id = ?", arguments: [transactionID]
            ).map(SQLiteRows.rawCallback)
        }
    }

    package func claim(transactionID: String, operatorName: String, now: Date, lease: Duration) async throws
        -> ClaimResult
    {
        let result = try await immediateWrite { db -> ClaimResult in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT \(SQLiteRows.transactionColumns) FROM inbound_transaction WHERE id = ?",
                    arguments: [transactionID])
            else { return .notFound }
            let current = try SQLiteRows.transaction(row)
            let change = try SQLiteChanges.advance(db)
            if current.state.isFinal { return .final(current.state) }
            if current.state == .replying, let claim = current.claim {
                if claim.leaseUntil > now { return .inFlight(claim) }
                try db.execute(
                    sql: """
                        UPDATE reply_attempt SET outcome = 'abandoned', finished_at = ?,
                            detail = 'its process stopped before the outcome was recorded'
                        WHERE transaction_id = ? AND outcome IS NULL
                        """,
                    arguments: [now.timeIntervalSince1970, transactionID])
            }
            // A holder that died after Tagga's final answer but before its release: close from the journal.
            let journal = try Self.journal(db, transactionID: transactionID)
            let resolution = TaggaReplyResolution.resolve(journal.map(\.asOutcome))
            if resolution.isFinal {
                try Self.close(
                    db, transactionID: transactionID, resolution: resolution, journal: journal, at: now, change: change)
                return .final(TransactionState(after: resolution))
            }
            let claim = ReplyClaim(
                token: UUID().uuidString, operatorName: operatorName, claimedAt: now,
                leaseUntil: now.addingTimeInterval(lease.timeInterval))
            try db.execute(
                sql: """
                    UPDATE inbound_transaction SET state = 'replying', claim_token = ?, claim_operator = ?,
                        claimed_at = ?, claim_until = ?, updated_at = ?, change_seq = ?,
                        last_outcome = CASE WHEN state = 'replying' THEN 'abandoned' ELSE last_outcome END
                    WHERE id = ?
                    """,
                arguments: [
                    claim.token, claim.operatorName, now.timeIntervalSince1970,
                    claim.leaseUntil.timeIntervalSince1970, now.timeIntervalSince1970, change, transactionID,
                ])
            return .claimed(claim)
        }
        broadcaster.publish(.updated(transactionID))
        return result
    }

    package func beginAttempt(_ attempt: NewReplyAttempt) async throws -> Int64 {
        let id = try await immediateWrite { db -> Int64 in
            try Self.requireClaim(
                db, transactionID: attempt.transactionID, token: attempt.token, liveAt: attempt.startedAt)
            let change = try SQLiteChanges.advance(db)
            try db.execute(
                sql: """
                    INSERT INTO reply_attempt
                        (transaction_id, claim_token, operator, message, paid, request_body, started_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    attempt.transactionID, attempt.token, attempt.operatorName, attempt.message, attempt.paid,
                    attempt.requestBody, attempt.startedAt.timeIntervalSince1970,
                ])
            let id = db.lastInsertedRowID
            try db.execute(
                sql: """
                    UPDATE inbound_transaction SET attempt_count = attempt_count + 1, last_outcome = NULL,
                        last_return_code = NULL, claim_until = ?, updated_at = ?, change_seq = ?
                    WHERE id = ?
                    """,
                arguments: [
                    attempt.leaseUntil.timeIntervalSince1970, attempt.startedAt.timeIntervalSince1970, change,
                    attempt.transactionID,
                ])
            return id
        }
        broadcaster.publish(.updated(attempt.transactionID))
        return id
    }

    package func finishAttempt(id: Int64, outcome: TaggaAttemptOutcome, at: Date) async throws {
        let fields = SQLiteRows.outcomeFields(outcome)
        let transactionID = try await immediateWrite { db -> String? in
            try db.execute(
                sql: """
                    UPDATE reply_attempt SET outcome = ?, return_code = ?, response_body = ?, detail = ?,
                        request_written = ?, finished_at = ?
                    WHERE id = ?
                    """,
                arguments: [
                    fields.kind.rawValue, fields.returnCode, fields.responseBody, fields.detail, fields.written,
                    at.timeIntervalSince1970, id,
                ])
            guard
                let attempt = try Row.fetchOne(
                    db, sql: "SELECT transaction_id, claim_token FROM reply_attempt WHERE id = ?", arguments: [id])
            else { return nil }
            let transactionID: String = attempt["transaction_id"]
            // The journal changed even when the summary below does not: readers following changes re-read it.
            try SQLiteChanges.touch(db, transactionIDs: [transactionID], change: try SQLiteChanges.advance(db))
            // The transaction's summary columns belong to whoever holds the claim now: a late finish from a holder
            // whose claim was taken over updates its journal row only.
            try db.execute(
                sql: """
                    UPDATE inbound_transaction SET last_outcome = ?, last_return_code = ?, updated_at = ?
                    WHERE id = ? AND claim_token = ?
                    """,
                arguments: [
                    fields.kind.rawValue, fields.returnCode, at.timeIntervalSince1970, transactionID,
                    attempt["claim_token"] as String,
                ])
            return transactionID
        }
        if let transactionID { broadcaster.publish(.updated(transactionID)) }
    }

    package func release(
        transactionID: String, token: String, resolution: TaggaReplyResolution, replyMessage: String?, at: Date
    ) async throws {
        try await immediateWrite { db in
            try Self.requireClaim(db, transactionID: transactionID, token: token, liveAt: nil)
            let change = try SQLiteChanges.advance(db)
            try db.execute(
                sql: """
                    UPDATE reply_attempt SET outcome = 'unknown', finished_at = ?,
                        detail = 'the outcome could not be recorded'
                    WHERE claim_token = ? AND outcome IS NULL
                    """,
                arguments: [at.timeIntervalSince1970, token])
            let state = TransactionState(after: resolution)
            let replied = state == .replied
            try db.execute(
                sql: """
                    UPDATE inbound_transaction SET state = ?, resolution = ?,
                        reply_message = CASE WHEN ? THEN ? ELSE reply_message END,
                        replied_at = CASE WHEN ? THEN ? ELSE replied_at END,
                        operator = CASE WHEN ? THEN claim_operator ELSE operator END,
                        last_outcome = (SELECT outcome FROM reply_attempt WHERE transaction_id = ? ORDER BY id DESC
                            LIMIT 1),
                        claim_token = NULL, claim_operator = NULL, claimed_at = NULL, claim_until = NULL,
                        updated_at = ?, change_seq = ?
                    WHERE id = ?
                    """,
                arguments: [
                    state.rawValue, state.isFinal ? resolution.summary : nil, replied, replyMessage, replied,
                    at.timeIntervalSince1970, state.isFinal, transactionID, at.timeIntervalSince1970, change,
                    transactionID,
                ])
        }
        broadcaster.publish(.updated(transactionID))
    }

    package func count() async throws -> Int {
        try await pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM inbound_transaction") ?? 0 }
    }

    package func checkAvailable() async throws {
        if closed.withLock({ $0 }) { throw StoreError.unavailable("the store is closed") }
        do {
            _ = try await pool.read { db in try Int.fetchOne(db, sql: "SELECT 1") }
        } catch {
            throw StoreError.unavailable("\(path): \(error)")
        }
    }

    package func statistics(now: Date, window: ReplyWindow) async throws -> StoreStatistics {
        let since = now.addingTimeInterval(-window.window.timeInterval).timeIntervalSince1970
        return try await pool.read { db in
            let open =
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT COUNT(*) FROM inbound_transaction
                        WHERE state IN ('pending', 'replying') AND received_at >= ?
                        """,
                    arguments: [since]) ?? 0
            // Kept by triggers in the transaction that wrote each attempt: no scan of the journal.
            var byCode: [String: Int] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT name, value FROM store_counter WHERE name LIKE 'reply:%' AND value <> 0")
            {
                byCode[String((row["name"] as String).dropFirst(6))] = row["value"]
            }
            return StoreStatistics(openTransactions: open, repliesByReturnCode: byCode)
        }
    }

    package func changes() -> AsyncStream<StoreChange> {
        let stream = broadcaster.subscribe()
        if !closed.withLock({ $0 }) { watcher.startIfNeeded() }
        return stream
    }

    package func close() async throws {
        closed.withLock { $0 = true }
        watcher.stop()
        broadcaster.finish()
        try searchIndex.close()
        try pool.close()
    }

    /// Runs `updates` in a `BEGIN IMMEDIATE` transaction: the write lock is taken before anything is read, so a
    /// read-then-write (a claim) is atomic across processes too.
    func immediateWrite<T: Sendable>(_ updates: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await pool.writeWithoutTransaction { db in
            var result: T?
            try db.inTransaction(.immediate) {
                result = try updates(db)
                return .commit
            }
            return result!
        }
    }

    private static func requireClaim(_ db: Database, transactionID: String, token: String, liveAt: Date?) throws {
        let row = try Row.fetchOne(
            db,
            sql: "SELECT claim_token, claim_until FROM inbound_transaction WHERE id = ? AND state = 'replying'",
            arguments: [transactionID])
        guard let row, row["claim_token"] as String? == token else {
            throw StoreError.claimLost(transactionID: transactionID)
        }
        if let liveAt, let until = row["claim_until"] as Double?, until <= liveAt.timeIntervalSince1970 {
            throw StoreError.claimLost(transactionID: transactionID)
        }
    }

    private static func journal(_ db: Database, transactionID: String) throws -> [ReplyJournalEntry] {
        try Row.fetchAll(
            db, sql: "SELECT * FROM reply_attempt WHERE transaction_id = ? ORDER BY id", arguments: [transactionID]
        ).map(SQLiteRows.journalEntry)
    }

    /// Closes a transaction from its journal's final answer, recording the text that reached the texter.
    private static func close(
        _ db: Database, transactionID: String, resolution: TaggaReplyResolution, journal: [ReplyJournalEntry],
        at now: Date, change: Int64
    ) throws {
        let state = TransactionState(after: resolution)
        let delivered = TaggaReplyResolution.deliveredAttemptIndex(journal.map(\.asOutcome)).map { journal[$0] }
        try db.execute(
            sql: """
                UPDATE inbound_transaction SET state = ?, resolution = ?, reply_message = ?, replied_at = ?,
                    operator = ?, claim_token = NULL, claim_operator = NULL, claimed_at = NULL, claim_until = NULL,
                    last_outcome = (SELECT outcome FROM reply_attempt WHERE transaction_id = ? ORDER BY id DESC
                        LIMIT 1),
                    updated_at = ?, change_seq = ?
                WHERE id = ?
                """,
            arguments: [
                state.rawValue, resolution.summary, delivered?.message,
                (delivered?.finishedAt ?? delivered?.startedAt)?.timeIntervalSince1970, delivered?.operatorName,
                transactionID, now.timeIntervalSince1970, change, transactionID,
            ])
    }
}
