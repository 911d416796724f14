import Foundation
import GRDB
import Testing

@testable import SwitchboardEngine

/// A store written by the previous version (schema v4) gets the change positions, the counters and the search index
/// once, when it is first opened: its old texts are found and counted like new ones.
@Suite struct SQLiteUpgradeTests {
    @Test func anOlderStoreIsIndexedAndCountedOnceWhenOpened() async throws {
        let path = try StoreFixture.temporaryPath()
        let queue = try DatabaseQueue(path: path)
        try SQLiteMigrations.migrator.migrate(queue, upTo: "v4: soft locks, who is writing a reply to what")
        let now = Date().timeIntervalSince1970
        try await queue.write { db in
            try db.execute(
                sql: """
                    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 120000)
                    INSERT INTO inbound_transaction (id, tagg, message, encoding, tagg_known, received_at, state,
                        updated_at)
                    SELECT 'old-' || i, 'HELP', 'order number ' || i, 'utf-8', 1, ? - i, 
                        CASE WHEN i % 3 = 0 THEN 'replied' ELSE 'pending' END, ? FROM n;
                    INSERT INTO reply_attempt (transaction_id, claim_token, operator, message, paid, request_body,
                        started_at, return_code)
                    SELECT id, 't', 'ana', 'ok', 0, 'b', received_at, 0 FROM inbound_transaction
                    WHERE state = 'replied';
                    """, arguments: [now, now])
        }
        try queue.close()

        let store = try SQLiteStore(path: path)
        let counts = try await store.inboxCounts()
        #expect(counts[.replied] == 40000 && counts[.pending] == 80000)
        let found = try await store.inboxPage(InboxPageQuery(search: "number 119999"))
        #expect(found.transactions.map(\.id) == ["old-119999"], "more than one batch of the index build")
        #expect(try await store.inboxCount(InboxPageQuery(search: "number 11999")) == 11)
        let statistics = try await store.statistics(now: Date(), window: ReplyWindow())
        #expect(statistics.repliesByReturnCode == ["0": 40000])
        // New texts are indexed and counted by the triggers from now on.
        _ = try await store.insertCallbacks([
            StoreFixture.callback("fresh", message: "a brand new order", at: Date())
        ])
        #expect(try await store.inboxPage(InboxPageQuery(search: "brand new")).transactions.map(\.id) == ["fresh"])
        #expect(try await store.inboxCounts()[.pending] == 80001)
        try await store.close()
    }
}
