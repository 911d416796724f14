import Foundation
import GRDB
import Testing

@testable import SwitchboardEngine

/// The search index lives in a file of its own beside the store: its writes and the callbacks' never wait for each
/// other, and a missing, foreign or stale file is rebuilt when the store is opened.
@Suite struct SQLiteSearchFileTests {
    let clock = ManualWallClock()

    private func removeSearchFile(of path: String) {
        for suffix in ["", "-wal", "-shm"] {
            try? FileManager.default.removeItem(atPath: SQLiteSearchFile.path(forStore: path) + suffix)
        }
    }

    private func found(_ store: SQLiteStore, _ search: String) async throws -> [String] {
        try await store.inboxPage(InboxPageQuery(search: search, limit: 100)).transactions.map(\.id)
    }

    private func indexed(_ store: SQLiteStore) async throws -> Int64 {
        try await store.searchIndex.write { db in try SQLiteSearchFile.stateValues(db)["indexed"] ?? -1 }
    }

    private func newestRowid(_ store: SQLiteStore) async throws -> Int64 {
        try await store.pool.read { db in
            try Int64.fetchOne(db, sql: "SELECT MAX(rowid) FROM inbound_transaction") ?? 0
        }
    }

    @Test func indexingNeverWaitsForTheStoresLockNorCallbacksForTheIndexs() async throws {
        let path = try StoreFixture.temporaryPath()
        let store = try SQLiteStore(path: path)
        let old = clock.now().addingTimeInterval(-600)
        _ = try await store.insertCallbacks([StoreFixture.callback("a", message: "red kettle", at: old)])

        // Another process in the middle of a long write to the store: the index is filled all the same.
        let storeHolder = try StoreFixture.holdWriteLock(path)
        #expect(try await store.indexForSearch(receivedBefore: clock.now(), limit: 10) == 1)
        try StoreFixture.release(storeHolder)
        #expect(try await indexed(store) == 1)

        // And the other way round: the index's file locked, a callback is stored without waiting for it.
        let indexHolder = try StoreFixture.holdWriteLock(SQLiteSearchFile.path(forStore: path))
        #expect(
            try await store.insertCallbacks([StoreFixture.callback("b", message: "red kettle", at: old)]) == [.inserted]
        )
        let (calling, indexerCalls) = AsyncStream<Void>.makeStream()
        let indexing = Task {
            indexerCalls.yield()
            return try await store.indexForSearch(receivedBefore: clock.now(), limit: 10)
        }
        // The indexer is being called; the index's lock is kept 200 ms more (the wait under test, not a
        // synchronisation: nothing is checked until the indexer's own answer).
        var iterator = calling.makeAsyncIterator()
        await iterator.next()
        try await Task.sleep(for: .milliseconds(200))
        try StoreFixture.release(indexHolder)
        #expect(try await indexing.value == 1, "the indexer waited for the index's lock")
        #expect(try await found(store, "kettle") == ["b", "a"])

        // With nothing to do, a step takes no lock at all (an idle receiver commits nothing every 2 s).
        let idleHolder = try StoreFixture.holdWriteLock(SQLiteSearchFile.path(forStore: path))
        #expect(try await store.indexForSearch(receivedBefore: clock.now(), limit: 10) == 0)
        try StoreFixture.release(idleHolder)
        try await store.close()
    }

    @Test func aMissingForeignOrStaleIndexFileIsRebuiltOnOpening() async throws {
        let path = try StoreFixture.temporaryPath()
        var store = try SQLiteStore(path: path)
        let old = clock.now().addingTimeInterval(-600)
        _ = try await store.insertCallbacks(
            (0..<30).map { StoreFixture.callback("k\($0)", message: "kettle \($0)", at: old) })
        #expect(try await store.indexForSearch(receivedBefore: clock.now(), limit: 100) == 30)
        try await store.close()

        // Deleted: built again from the store.
        #expect(FileManager.default.fileExists(atPath: SQLiteSearchFile.path(forStore: path)))
        removeSearchFile(of: path)
        store = try SQLiteStore(path: path)
        #expect(try await indexed(store) == 30)
        #expect(Set(try await found(store, "kettle")) == Set((0..<30).map { "k\($0)" }))
        try await store.close()

        // Another store's index put in its place: not trusted, built again.
        let otherPath = try StoreFixture.temporaryPath()
        let other = try SQLiteStore(path: otherPath)
        _ = try await other.insertCallbacks([StoreFixture.callback("x", message: "kettle of another", at: old)])
        #expect(try await other.indexForSearch(receivedBefore: clock.now(), limit: 100) == 1)
        try await other.close()
        removeSearchFile(of: path)
        try FileManager.default.copyItem(
            atPath: SQLiteSearchFile.path(forStore: otherPath), toPath: SQLiteSearchFile.path(forStore: path))
        store = try SQLiteStore(path: path)
        #expect(try await indexed(store) == 30)
        #expect(try await store.inboxCount(InboxPageQuery(search: "kettle")) == 30)
        #expect(try await found(store, "another") == [])

        // Ahead of the store (an older copy of the store put back): built again.
        try await store.searchIndex.write { db in try SQLiteSearchFile.setState(db, "indexed", 500) }
        try await store.close()
        store = try SQLiteStore(path: path)
        #expect(try await indexed(store) == (try await newestRowid(store)))
        #expect(try await store.inboxCount(InboxPageQuery(search: "kettle")) == 30)

        // Queue positions behind the index's (an older copy of the store put back, its rowids all still there).
        try await store.searchIndex.write { db in try SQLiteSearchFile.setState(db, "removed", 10_000) }
        try await store.close()
        store = try SQLiteStore(path: path)
        let removed = try await store.searchIndex.write { db in try SQLiteSearchFile.stateValues(db)["removed"] }
        #expect(removed == 0, "rebuilt, taking the store's queue from its start")
        #expect(try await store.inboxCount(InboxPageQuery(search: "kettle")) == 30)

        // The store's epoch gone (edited by hand): a new one, and the index built again once, not at every opening.
        try await store.pool.write { db in try db.execute(sql: "DELETE FROM store_counter WHERE name = 'search_epoch'")
        }
        try await store.close()
        store = try SQLiteStore(path: path)
        #expect(try await indexed(store) == (try await newestRowid(store)))
        try await store.searchIndex.write { db in try SQLiteSearchFile.setState(db, "indexed", 1) }
        try await store.close()
        store = try SQLiteStore(path: path)
        #expect(try await indexed(store) == 1, "a horizon behind the store is the indexer's to move, not a rebuild")
        #expect(try await store.inboxCount(InboxPageQuery(search: "kettle")) == 30)
        try await store.close()
    }

    /// A store last opened by the version before the index had its own file: its texts are indexed once, in the
    /// new file, and the old index is gone from the store.
    @Test func aStoreFromBeforeTheIndexFileGetsItBuiltOnce() async throws {
        let path = try StoreFixture.temporaryPath()
        let previous = try DatabasePool(path: path)
        try SQLiteMigrations.migrator.migrate(previous, upTo: "v6: the search index merges its segments in small steps")
        let received = clock.now().addingTimeInterval(-86_400).timeIntervalSince1970
        try await previous.write { db in
            for index in 0..<50 {
                try db.execute(
                    sql: """
                        INSERT INTO inbound_transaction (id, tagg, message, encoding, tagg_known, received_at, state,
                            updated_at)
                        VALUES (?, 'HELP', ?, 'utf-8', 1, ?, 'replied', ?)
                        """,
                    arguments: ["u\(index)", "umbrella \(index)", received + Double(index), received])
            }
        }
        try previous.close()
        let store = try SQLiteStore(path: path)
        #expect(try await indexed(store) == 50)
        #expect(try await store.inboxCount(InboxPageQuery(search: "umbrella")) == 50)
        let oldIndex = try await store.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM main.sqlite_master WHERE name = 'inbound_search'") ?? -1
        }
        #expect(oldIndex == 0)
        try await store.close()
    }
}
