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
}
