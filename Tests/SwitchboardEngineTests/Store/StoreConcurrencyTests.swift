import Foundation
import Testing

@testable import SwitchboardEngine

/// Several processes on one store (here, several store objects on one database): exactly one claim wins, and
/// starting at once is safe.
@Suite struct StoreConcurrencyTests {
    let clock = ManualWallClock()

    @Test(arguments: StoreKind.tested) func exactlyOneOfManyConcurrentClaimsWins(kind: StoreKind) async throws {
        let location = try await kind.freshLocation()
        let stores = [try await location.open(), try await location.open(), try await location.open()]
        let now = clock.now()
        _ = try await stores[0].insertCallbacks([StoreFixture.callback("100", at: now)])
        let results = try await withThrowingTaskGroup(of: ClaimResult.self) { group in
            for index in 0..<12 {
                let store = stores[index % stores.count]
                group.addTask {
                    try await store.claim(
                        transactionID: "100", operatorName: "op\(index)", now: now, lease: .seconds(60))
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let winners = results.compactMap { result -> ReplyClaim? in
            if case .claimed(let claim) = result { return claim }
            return nil
        }
        #expect(winners.count == 1, "\(results)")
        #expect(results.filter { $0 == .inFlight(winners[0]) }.count == 11)
        for store in stores { try await store.close() }
    }

    @Test(arguments: StoreKind.tested) func storesOpenedAtOnceMigrateOnce(kind: StoreKind) async throws {
        let location = try await kind.freshLocation()
        let stores = try await withThrowingTaskGroup(of: (any Store).self) { group in
            for _ in 0..<4 { group.addTask { try await location.open() } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        _ = try await stores[0].insertCallbacks([StoreFixture.callback("1", at: clock.now())])
        for store in stores {
            #expect(try await store.count() == 1)
            try await store.close()
        }
    }
}
