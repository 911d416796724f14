import Foundation
import GRDB
import SwitchboardTestSupport
import Testing

@testable import SwitchboardEngine

/// SQLite's search index is filled after the commits, in batches: a search is complete whatever the indexer's lag,
/// and removing texts (retention) keeps the index consistent with the table, indexed or not.
@Suite struct SQLiteSearchIndexTests {
    let clock = ManualWallClock()

    /// FTS5's own check of the index (throws if it is corrupt), and that what the index holds for "kettle" is
    /// exactly the indexed texts of the table that have it.
    private func checkIndex(_ store: SQLiteStore, word: String = "kettle") async throws {
        try await store.searchIndex.write { db in
            try db.execute(sql: "INSERT INTO search.text_index (text_index) VALUES ('integrity-check')")
            let indexed = try Int64.fetchSet(
                db, sql: "SELECT rowid FROM search.text_index WHERE text_index MATCH ?", arguments: ["\"\(word)\""])
            let expected = try Int64.fetchSet(
                db,
                sql: """
                    SELECT rowid FROM main.inbound_transaction WHERE message LIKE ?
                    AND rowid <= (SELECT value FROM search.index_state WHERE name = 'indexed')
                    """, arguments: ["%\(word)%"])
            #expect(indexed == expected)
        }
    }

    private func found(_ store: SQLiteStore, _ search: String) async throws -> [String] {
        try await store.inboxPage(InboxPageQuery(search: search)).transactions.map(\.id)
    }

    @Test func theIndexerTakesOlderTextsAndTheSearchScansTheRest() async throws {
        let store = try SQLiteStore(path: try StoreFixture.temporaryPath())
        let now = clock.now()
        _ = try await store.insertCallbacks([
            StoreFixture.callback("a", message: "red kettle", at: now.addingTimeInterval(-600)),
            StoreFixture.callback("b", message: "red kettle too", at: now.addingTimeInterval(-500)),
            StoreFixture.callback("c", message: "a red kettle, new", at: now),
        ])
        #expect(try await found(store, "kettle") == ["c", "b", "a"], "nothing indexed yet: all scanned")
        #expect(try await store.indexForSearch(receivedBefore: now.addingTimeInterval(-120), limit: 10) == 2)
        #expect(try await store.indexForSearch(receivedBefore: now.addingTimeInterval(-120), limit: 10) == 0)
        #expect(try await found(store, "kettle") == ["c", "b", "a"], "two from the index, one scanned")
        #expect(try await store.inboxCount(InboxPageQuery(search: "red kett")) == 3)
        try await checkIndex(store)

        // Removing an indexed text and one not indexed yet (as retention does, with plain DELETEs).
        try await store.pool.write { db in
            try db.execute(sql: "DELETE FROM callback_request WHERE transaction_id IN ('a', 'c')")
            try db.execute(sql: "DELETE FROM inbound_transaction WHERE id IN ('a', 'c')")
        }
        #expect(try await found(store, "kettle") == ["b"], "a removed text is not found while still indexed")
        #expect(try await removedLeft(store) == 2, "both wait in the queue (only the indexed one is in the index)")
        #expect(try await store.unindexRemoved(limit: 10) == 2)
        #expect(try await store.unindexRemoved(limit: 10) == 0)
        #expect(try await removedLeft(store) == 0)
        try await checkIndex(store)
        #expect(try await found(store, "kettle") == ["b"])

        // Everything removed: new texts may get old rowids back, and are indexed all the same.
        try await store.pool.write { db in
            try db.execute(sql: "DELETE FROM callback_request")
            try db.execute(sql: "DELETE FROM inbound_transaction")
        }
        _ = try await store.insertCallbacks([
            StoreFixture.callback("d", message: "blue kettle", at: now.addingTimeInterval(-300))
        ])
        #expect(try await found(store, "red kettle") == [], "b's entry is not taken for d's, whose rowid it was")
        #expect(try await found(store, "blue kettle") == ["d"])
        #expect(try await store.indexForSearch(receivedBefore: now, limit: 10) == 2, "b taken out, then d indexed")
        #expect(try await removedLeft(store) == 0)
        try await checkIndex(store)
        #expect(try await found(store, "kettle") == ["d"])
        #expect(try await found(store, "red kettle") == [])
        try await store.close()
    }

    /// How many removed texts are still waiting to be taken out of the index (their words are kept until then).
    private func removedLeft(_ store: SQLiteStore) async throws -> Int {
        try await store.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM search_removed") ?? 0 }
    }

    @Test func aVacuumLeavesTheIndexRight() async throws {
        let store = try SQLiteStore(path: try StoreFixture.temporaryPath())
        let now = clock.now()
        _ = try await store.insertCallbacks(
            (0..<40).map { StoreFixture.callback("k\($0)", message: "kettle \($0)", at: now.addingTimeInterval(-600)) })
        #expect(try await store.indexForSearch(receivedBefore: now, limit: 100) == 40)
        // Holes in the rowids, then VACUUM (which may renumber them; the index is keyed by them).
        try await store.pool.write { db in
            try db.execute(sql: "DELETE FROM callback_request WHERE CAST(substr(transaction_id, 2) AS INTEGER) % 3 = 0")
            try db.execute(sql: "DELETE FROM inbound_transaction WHERE CAST(substr(id, 2) AS INTEGER) % 3 = 0")
        }
        #expect(try await removedLeft(store) == 14)
        #expect(try await store.vacuum())
        #expect(try await removedLeft(store) == 0, "the rebuilt index has none of them")
        try await checkIndex(store)
        let left = Set((0..<40).filter { $0 % 3 != 0 }.map { "k\($0)" })
        #expect(
            Set(try await store.inboxPage(InboxPageQuery(search: "kettle", limit: 100)).transactions.map(\.id)) == left)
        #expect(try await store.inboxCount(InboxPageQuery(search: "kettle")) == left.count)
        try await store.close()
    }

    /// FTS5 merges nothing by itself (a merge inside a callback's commit held the write lock for hundreds of
    /// milliseconds): the index's writers merge a little after each change, so many small batches leave few segments.
    @Test func smallBatchesLeaveFewSegments() async throws {
        let store = try SQLiteStore(path: try StoreFixture.temporaryPath())
        let now = clock.now()
        let automerge = try await store.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT v FROM search.text_index_config WHERE k = 'automerge'")
        }
        #expect(automerge == 0)
        for index in 0..<150 {
            _ = try await store.insertCallbacks([
                StoreFixture.callback("s\(index)", message: "kettle \(index)", at: now.addingTimeInterval(-600))
            ])
            #expect(try await store.indexForSearch(receivedBefore: now, limit: 10) == 1)
        }
        // Removing them one at a time: each 'delete' is a change of its own.
        for index in stride(from: 0, to: 150, by: 2) {
            try await store.pool.write { db in
                try db.execute(sql: "DELETE FROM callback_request WHERE transaction_id = ?", arguments: ["s\(index)"])
                try db.execute(sql: "DELETE FROM inbound_transaction WHERE id = ?", arguments: ["s\(index)"])
            }
            #expect(try await store.unindexRemoved(limit: 10) == 1)
        }
        let segments = try await store.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT segid) FROM search.text_index_idx") ?? 0
        }
        #expect(segments <= 8, "\(segments) segments after 225 one-text transactions")
        try await checkIndex(store)
        #expect(try await store.inboxCount(InboxPageQuery(search: "kettle")) == 75)
        try await store.close()
    }

    /// Texts added and removed at random (the newest too, so SQLite hands rowids out again), between index steps of
    /// random sizes: every search finds exactly the stored texts that have the word, and once the indexer has caught
    /// up the index holds exactly them.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func randomChangesAndIndexStepsKeepSearchExact(seed: UInt64) async throws {
        var random = SeededGenerator(seed: seed)
        let store = try SQLiteStore(path: try StoreFixture.temporaryPath())
        let old = clock.now().addingTimeInterval(-600)
        let words = ["kettle", "umbrella", "lantern"]
        var next = 0
        for _ in 0..<250 {
            switch Int.random(in: 0..<10, using: &random) {
            case 0..<4:
                let texts = (0..<Int.random(in: 1...3, using: &random)).map { _ -> InboundCallback in
                    next += 1
                    return StoreFixture.callback(
                        "t\(next)", message: "\(words.randomElement(using: &random)!) \(next)", at: old)
                }
                _ = try await store.insertCallbacks(texts)
            case 4..<6:
                let which = ["MAX(rowid)", "MIN(rowid)", "rowid", "MAX(rowid) - 1"].randomElement(using: &random)!
                let everything = Int.random(in: 0..<20, using: &random) == 0
                try await store.pool.write { db in
                    let chosen = try String.fetchAll(
                        db,
                        sql: everything
                            ? "SELECT id FROM inbound_transaction"
                            : "SELECT id FROM inbound_transaction WHERE rowid = (SELECT \(which) FROM inbound_transaction "
                                + "ORDER BY random() LIMIT 1)")
                    for id in chosen {
                        try db.execute(sql: "DELETE FROM callback_request WHERE transaction_id = ?", arguments: [id])
                        try db.execute(sql: "DELETE FROM inbound_transaction WHERE id = ?", arguments: [id])
                    }
                }
            case 6..<9:
                _ = try await store.indexForSearch(
                    receivedBefore: clock.now(), limit: Int.random(in: 1...5, using: &random))
            default:
                _ = try await store.unindexRemoved(limit: Int.random(in: 1...5, using: &random))
            }
            for word in words { try await expectExact(store, word) }
        }
        while try await store.indexForSearch(receivedBefore: clock.now(), limit: 7) > 0 {}
        for word in words {
            try await expectExact(store, word)
            try await checkIndex(store, word: word)
        }
        #expect(try await removedLeft(store) == 0)
        try await store.close()
    }

    /// A search for `word` finds exactly the stored texts whose message has it.
    private func expectExact(_ store: SQLiteStore, _ word: String) async throws {
        let stored = try await store.pool.read { db in
            try String.fetchSet(
                db, sql: "SELECT id FROM inbound_transaction WHERE message LIKE ?", arguments: ["%\(word)%"])
        }
        let found = Set(try await store.inboxPage(InboxPageQuery(search: word, limit: 10_000)).transactions.map(\.id))
        #expect(found == stored, "search for \(word)")
    }
}
