import Foundation
import PostgresNIO
import SwitchboardTestSupport
import Testing

@testable import SwitchboardEngine

/// PostgreSQL hands out transaction ids when a transaction starts writing, not when it commits: the cursor must not
/// skip a writer that started first and committed last.
@Suite(.enabled(if: !TestPostgres.skipped, "SWITCHBOARD_SKIP_POSTGRES=1"))
struct PostgresChangeCursorTests {
    let clock = ManualWallClock()

    private func connect(_ url: String) async throws -> PostgresConnection {
        try await PostgresConnection.connect(
            configuration: try PostgresEndpoint(url: url).connectionConfiguration(applicationName: "switchboard-tests"),
            id: 7, logger: PostgresStore.silentLogger)
    }

    @Test func aWriterThatCommitsAfterALaterOneIsNotSkipped() async throws {
        let url = try await TestPostgres.shared.freshDatabaseURL()
        let store = try await PostgresStore.open(url: url)
        let now = clock.now()
        let since = now.addingTimeInterval(-3600)
        _ = try await store.insertCallbacks([StoreFixture.callback("late", at: now)])
        let start = try await store.inboxSnapshot(receivedSince: since)

        // Writer A starts first, so its transaction id is the lower one, and stays open.
        let late = try await connect(url)
        do {
            try await lateWriter(late, store: store, start: start, now: now)
        } catch {
            try? await late.close()
            throw StoreTestFailure(PostgresErrors.describe(error))
        }
        try await store.close()
    }

    private func lateWriter(_ late: PostgresConnection, store: PostgresStore, start: InboxRead, now: Date)
        async throws
    {
        let since = now.addingTimeInterval(-3600)
        let logger = PostgresStore.silentLogger
        try await late.query("BEGIN", logger: logger)
        // An update that leaves the counts alone (a lease renewal, say): it holds only its own row.
        try await late.query(
            "UPDATE inbound_transaction SET last_return_code = 42 WHERE id = 'late'",
            logger: logger)
        // Writer B starts after A and commits first.
        _ = try await store.insertCallbacks([StoreFixture.callback("early", at: now)])

        let first = try await store.inboxChanges(since: start.cursor, receivedSince: since)
        #expect(first.transactions.map(\.id).contains("early"))
        #expect(
            first.transactions.first { $0.id == "late" }?.lastReturnCode == nil, "not committed yet: never its update")

        try await late.query("COMMIT", logger: logger)
        let positions = try await late.query(
            "SELECT id, change_xid FROM inbound_transaction ORDER BY change_xid", logger: logger
        ).map { try $0.decode((String, Int64).self) }
        #expect(positions.map(\.0) == ["late", "early"], "the late writer has the lower position")
        try await late.close()

        let second = try await store.inboxChanges(since: first.cursor, receivedSince: since)
        #expect(
            second.transactions.first { $0.id == "late" }?.lastReturnCode == 42,
            "read once it committed, though its position is lower")
    }

    @Test func aReaderThatLostItsListenerCatchesUpFromTheCursor() async throws {
        let url = try await TestPostgres.shared.freshDatabaseURL()
        let writer = try await PostgresStore.open(url: url)
        let reader = try await PostgresStore.open(url: url)
        var changes = ChangeFeed(reader.changes())
        let now = clock.now()
        let since = now.addingTimeInterval(-3600)
        // Its listener's connection exists and listens: the one to cut.
        try #require(await reader.listener.ready())
        let start = try await reader.inboxSnapshot(receivedSince: since)
        // The listener's connection is cut; a text arrives while it reconnects.
        let admin = try await connect(url)
        try await admin.query(
            """
            SELECT pg_terminate_backend(pid) FROM pg_stat_activity
            WHERE application_name = \(PostgresChangeListener.applicationName) AND datname = current_database()
            """, logger: PostgresStore.silentLogger)
        try await admin.close()
        _ = try await writer.insertCallbacks([StoreFixture.callback("missed", at: now)])
        var seen: [StoreChange] = []
        while let change = await changes.next() {
            seen.append(change)
            if change == .external { break }
        }
        #expect(seen.last == .external, "after a reconnect, watchers are told to catch up")
        let caughtUp = try await reader.inboxChanges(since: start.cursor, receivedSince: since)
        #expect(caughtUp.transactions.map(\.id).contains("missed"))
        try await writer.close()
        try await reader.close()
    }
}
