import Foundation
import Testing

@testable import SwitchboardEngine

/// What only the SQLite store has: durability settings and file errors.
@Suite struct SQLiteStoreTests {
    @Test func commitsWithSynchronousFull() async throws {
        let store = try SQLiteStore(path: try StoreFixture.temporaryPath())
        #expect(try await store.writerSynchronousMode() == 2)
        try await store.close()
    }

    @Test func anUnwritableLocationIsAClearError() {
        #expect(throws: StoreError.self) {
            _ = try SQLiteStore(path: "/nonexistent-dir/switchboard.sqlite")
        }
    }
}
