import Foundation
import SwitchboardTestSupport
import Testing

@testable import SwitchboardEngine

/// The stores the Store suite runs against: the same tests, SQLite and PostgreSQL.
enum StoreKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite
    case postgres

    /// Every kind, unless `SWITCHBOARD_SKIP_POSTGRES=1` leaves PostgreSQL out.
    static var tested: [StoreKind] { TestPostgres.skipped ? [.sqlite] : allCases }

    var testDescription: String { rawValue }

    /// A new, empty store location of this kind.
    func freshLocation() async throws -> StoreUnderTest {
        switch self {
        case .sqlite: StoreUnderTest(kind: self, location: .sqlite(path: try StoreFixture.temporaryPath()))
        case .postgres:
            StoreUnderTest(
                kind: self, location: .postgres(url: Secret(try await TestPostgres.shared.freshDatabaseURL())))
        }
    }

    /// A fresh store of this kind, open.
    func makeStore() async throws -> any Store {
        try await freshLocation().open()
    }
}

/// One store location under test, which can be opened more than once (as another process would).
struct StoreUnderTest: Sendable {
    let kind: StoreKind
    let location: StoreLocation

    func open() async throws -> any Store {
        try await StoreOpener.open(location)
    }

    /// Two store objects on this location, as two processes would have, each with its changes subscribed: the
    /// writer's own (`local`) and the reader's, which learns of the writer's commits from the database (`external`).
    func watchedPair() async throws -> WatchedPair {
        let writer = try await open()
        let reader = try await open()
        let pair = WatchedPair(
            writer: writer, reader: reader, local: ChangeFeed(writer.changes()), external: ChangeFeed(reader.changes()))
        // The reader hears the writer's commits from here on: its watcher has read its first data_version, or its
        // listener's LISTEN is confirmed.
        try #require(await pair.reader.watchesOtherProcesses(), "the reader never started watching for changes")
        return pair
    }
}

extension Store {
    /// Waits until this store's ``Store/changes()`` will report commits made by another store object from now on (it
    /// has been called): SQLite's watcher has read its first data_version, PostgreSQL's listener has its LISTEN
    /// confirmed. False if the store stopped watching first.
    func watchesOtherProcesses() async -> Bool {
        switch self {
        case let store as SQLiteStore: await store.watcher.ready()
        case let store as PostgresStore: await store.listener.ready()
        default: false
        }
    }
}

/// See ``StoreUnderTest/watchedPair()``.
struct WatchedPair {
    let writer: any Store
    let reader: any Store
    var local: ChangeFeed
    var external: ChangeFeed

    /// Reads the writer's own changes until `change` (at most three: SQLite's watcher may report its own commit as
    /// external too); returns what was seen.
    mutating func localChanges(until change: StoreChange) async -> [StoreChange] {
        var seen: [StoreChange] = []
        while seen.count < 3, let next = await local.next() {
            seen.append(next)
            if next == change { break }
        }
        return seen
    }

    func close() async throws {
        try await writer.close()
        try await reader.close()
    }
}
