import Foundation
import GRDB
import Testing

@testable import SwitchboardEngine

/// What only SQLite has to do after retention: give the freed pages back to the file system (a new store), or keep
/// them for reuse and say so (a store created before `auto_vacuum` was set), until `vacuum()` converts it.
@Suite struct SQLiteRetentionSpaceTests {
    let clock = ManualWallClock()

    /// 2,000 texts of about 2 KiB each, received 100 days ago (their windows long closed).
    private func fill(_ store: SQLiteStore) async throws {
        let old = clock.now().addingTimeInterval(-100 * RetentionFixture.day)
        let message = String(repeating: "Where is my order? ", count: 100)
        for chunk in stride(from: 0, to: 2000, by: 250) {
            _ = try await store.insertCallbacks(
                (chunk..<chunk + 250).map { StoreFixture.callback("t\($0)", message: message, at: old) })
        }
    }

    private func prune(_ store: SQLiteStore) async throws -> RetentionReport {
        var settings = RetentionRunner.Settings()
        settings.pause = .zero
        let runner = RetentionRunner(store: store, clock: clock, window: .seconds(1800), settings: settings)
        return try await runner.run(before: clock.now().addingTimeInterval(-90 * RetentionFixture.day))
    }

    /// Copies the WAL into the file and empties it, so the file's size is the store's.
    private func checkpoint(_ store: SQLiteStore) throws {
        _ = try store.pool.writeWithoutTransaction { try Row.fetchAll($0, sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
    }

    private func fileSize(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    }

    @Test func aNewStoreGivesTheSpaceBackInSmallSteps() async throws {
        let path = try StoreFixture.temporaryPath()
        let store = try SQLiteStore(path: path)
        #expect(try await store.autoVacuumMode() == 2, "a new file is created with auto_vacuum = INCREMENTAL")
        try await fill(store)
        while try await store.indexForSearch(receivedBefore: clock.now(), limit: 500) > 0 {}
        try checkpoint(store)
        try await checkpointIndex(store)
        let full = try fileSize(path)
        let fullIndex = try fileSize(SQLiteSearchFile.path(forStore: path))
        let report = try await prune(store)
        #expect(report.removed.texts == 2000)
        guard case .returned(let bytes, let left) = report.space else {
            Issue.record("expected space given back, got \(String(describing: report.space))")
            return
        }
        #expect(bytes > 4_000_000 && left == 0, "\(bytes) bytes returned, \(left) left")
        try checkpoint(store)
        #expect(try fileSize(path) < full / 4, "the file shrank from \(full) bytes")
        try await checkpointIndex(store)
        let index = try fileSize(SQLiteSearchFile.path(forStore: path))
        #expect(index < fullIndex / 2, "the search index's file shrank from \(fullIndex) bytes to \(index)")
        try await store.close()
    }

    private func checkpointIndex(_ store: SQLiteStore) async throws {
        try await store.searchIndex.write { _ = try Row.fetchAll($0, sql: "PRAGMA search.wal_checkpoint(TRUNCATE)") }
    }

    @Test func anOlderStoreReusesItsPagesUntilVacuumed() async throws {
        let path = try StoreFixture.temporaryPath()
        // A file that had a table before SQLiteStore first opened it keeps auto_vacuum = NONE, like a store
        // created by an earlier version.
        let legacy = try DatabaseQueue(path: path)
        try await legacy.write { try $0.execute(sql: "CREATE TABLE earlier (x)") }
        try legacy.close()
        let store = try SQLiteStore(path: path)
        #expect(try await store.autoVacuumMode() == 0)
        try await fill(store)
        let report = try await prune(store)
        guard case .keptForReuse(let bytes) = report.space else {
            Issue.record("expected pages kept for reuse, got \(String(describing: report.space))")
            return
        }
        #expect(bytes > 4_000_000)
        #expect(report.space?.description.contains("prune --vacuum") == true)
        #expect(try await store.vacuum())
        #expect(try await store.autoVacuumMode() == 2, "VACUUM converted it")
        #expect(try await store.reclaimSpace(bytes: 1 << 20) == .returned(bytes: 0, left: 0))
        #expect(try fileSize(path) < 200_000)
        try await store.close()
    }
}
