import Foundation
import Testing

@testable import SwitchboardEngine

/// The store as a service (``StoreConnection``) and retention's space calls, on both stores: it answers while open,
/// gives space back in steps, and says whether a rebuild (`VACUUM`) is its to do.
@Suite struct StoreConnectionTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test(arguments: StoreKind.tested)
    func anOpenStoreAnswersAndCountsItsOpenTexts(kind: StoreKind) async throws {
        let store = try await kind.makeStore()
        try await store.checkAvailable()
        _ = try await store.insertCallbacks([StoreFixture.callback("t-1", at: now)])
        let statistics = try await store.statistics(now: now, window: ReplyWindow())
        #expect(statistics.openTransactions == 1)
        try await store.close()
    }

    @Test(arguments: StoreKind.tested)
    func spaceIsGivenBackByTheStoreOrLeftToTheServer(kind: StoreKind) async throws {
        let store = try await kind.makeStore()
        _ = try await store.insertCallbacks((0..<50).map { StoreFixture.callback("t-\($0)", at: now) })
        let space = try await store.reclaimSpace(bytes: 1 << 20)
        let rebuilt = try await store.vacuum()
        switch kind {
        case .sqlite:
            if case .managedByServer = space { Issue.record("SQLite gives its own space back, got \(space)") }
            #expect(rebuilt, "SQLite rebuilds its file")
        case .postgres:
            #expect(space == .managedByServer, "PostgreSQL's autovacuum reclaims the space")
            #expect(!rebuilt, "nothing of the kind for PostgreSQL to do")
        }
        #expect(try await store.transactions(.all).count == 50, "a rebuild keeps every row")
        try await store.close()
    }
}
