import Foundation
import GRDB
import Testing

@testable import SwitchboardEngine

/// A write that finds SQLite's lock taken waits for it, looking again often, and gives up only after its budget.
struct SQLiteBusyWaitTests {
    @Test func aCallbackWaitsForAnotherConnectionsLockAndIsStoredWhenItIsFree() async throws {
        let path = try StoreFixture.temporaryPath()
        let store = try SQLiteStore(path: path)
        let holder = try StoreFixture.holdWriteLock(path)
        let started = ContinuousClock.now
        let (calling, insertCalls) = AsyncStream<Void>.makeStream()
        let insert = Task {
            insertCalls.yield()
            return try await store.insertCallbacks([StoreFixture.callback("waited", at: Date())])
        }
        // The insert is being made; the other connection keeps the lock 300 ms more (the wait under test, not a
        // synchronisation: nothing is checked until the insert's own answer).
        var iterator = calling.makeAsyncIterator()
        await iterator.next()
        try await Task.sleep(for: .milliseconds(300))
        try StoreFixture.release(holder)
        #expect(try await insert.value == [.inserted])
        #expect(ContinuousClock.now - started >= .milliseconds(300))
        #expect(try await store.transaction(id: "waited") != nil)
    }

    @Test func theWaitGivesUpOnlyAfterItsBudget() throws {
        guard case .callback(let wait) = SQLiteBusyWait.mode else {
            Issue.record("the busy mode is not a callback")
            return
        }
        #expect(wait(0))
        #expect(wait(SQLiteBusyWait.tries - 1))
        #expect(!wait(SQLiteBusyWait.tries))
    }
}
