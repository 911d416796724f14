import Foundation
import PostgresNIO
import SwitchboardTestSupport
import Testing

@testable import SwitchboardEngine

/// What only the PostgreSQL store has: the change listener's connection, connection errors.
@Suite(.enabled(if: !TestPostgres.skipped, "SWITCHBOARD_SKIP_POSTGRES=1"))
struct PostgresStoreTests {
    let clock = ManualWallClock()

    /// Runs one statement on a connection of its own, as an administrator would.
    private func execute(_ sql: String, on url: String) async throws {
        try await StoreUnderTest.executeOnPostgres(sql, url: url)
    }

    @Test func aLostListenerReconnectsAndAsksWatchersToReread() async throws {
        let url = try await TestPostgres.shared.freshDatabaseURL()
        let writer = try await PostgresStore.open(url: url)
        let reader = try await PostgresStore.open(url: url)
        var changes = ChangeFeed(reader.changes())
        // Its listener's connection exists and listens: the one to cut.
        try #require(await reader.listener.ready())
        try await execute(
            """
            SELECT pg_terminate_backend(pid) FROM pg_stat_activity
            WHERE application_name = '\(PostgresChangeListener.applicationName)' AND datname = current_database()
            """, on: url)
        #expect(await changes.next() == .external, "after a reconnect, watchers re-read")
        _ = try await writer.insertCallbacks([StoreFixture.callback("100", at: clock.now())])
        #expect(await changes.next() == .inserted(["100"]))
        try await writer.close()
        try await reader.close()
    }

    @Test func aClosedStoreRefusesCalls() async throws {
        let store = try await PostgresStore.open(url: try await TestPostgres.shared.freshDatabaseURL())
        try await store.close()
        await #expect(throws: StoreError.unavailable("the store is closed")) { _ = try await store.count() }
    }

    @Test func anUnreachableServerIsAClearError() async throws {
        let error = await #expect(throws: StoreError.self) {
            _ = try await PostgresStore.open(url: "postgres://sb:secret-77@127.0.0.1:1/sb?sslmode=disable")
        }
        let text = "\(error.map { "\($0)" } ?? "")"
        #expect(text.contains("127.0.0.1:1"))
        #expect(!text.contains("secret-77"))
    }
}
