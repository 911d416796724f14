import Foundation
import SwitchboardTestSupport
import Testing

@testable import SwitchboardEngine

/// The PostgreSQL store when its server goes away and comes back: calls fail within the time limit with a reason,
/// never hang, and work again by themselves once the server is back.
@Suite(.enabled(if: !TestPostgres.skipped, "SWITCHBOARD_SKIP_POSTGRES=1"))
struct PostgresOutageTests {
    private let clock = ContinuousClock()

    private func callback(_ id: String) -> InboundCallback {
        StoreFixture.callback(id, at: Date(timeIntervalSince1970: 1_800_000_000))
    }

    /// Retries `operation` until it succeeds or `timeout` passes; returns whether it did.
    private func eventually(timeout: Duration = .seconds(60), _ operation: () async throws -> Void) async -> Bool {
        let end = clock.now + timeout
        while clock.now < end {
            if (try? await operation()) != nil { return true }
            try? await Task.sleep(for: .milliseconds(200))
        }
        return false
    }

    @Test func callsFailWithinTheLimitWhileTheServerIsDownAndWorkAgainWhenItReturns() async throws {
        let server = try await PrivatePostgres.launch()
        defer { server.destroy() }
        var timeouts = PostgresStore.Timeouts()
        timeouts.operation = .seconds(1)
        let store = try await PostgresStore.open(url: server.url, timeouts: timeouts)
        #expect(try await store.insertCallbacks([callback("before")]) == [.inserted])

        try await server.stop()
        for id in ["down-1", "down-2", "down-3"] {
            let started = clock.now
            do {
                _ = try await store.insertCallbacks([callback(id)])
                Issue.record("\(id) was acknowledged with the server stopped")
            } catch let error as StoreError {
                guard case .unavailable = error else { throw error }
            }
            // 1 s limit; the margin is for a loaded machine. Without the limit the pool waits a minute.
            #expect(clock.now - started < .seconds(30), "\(id) waited \(clock.now - started)")
        }
        do {
            try await store.checkAvailable()
            Issue.record("the store reported itself available with the server stopped")
        } catch let error as StoreError {
            #expect("\(error)".contains("unavailable"))
        }

        try await server.start()
        #expect(await eventually { _ = try await store.insertCallbacks([callback("after")]) })
        try await store.checkAvailable()
        let stored = try await store.transactions(TransactionQuery()).map(\.id)
        #expect(stored.contains("before") && stored.contains("after"), "\(stored)")
        for id in stored {
            #expect(try await store.rawCallback(transactionID: id) != nil, "\(id) is stored whole")
        }
        try await store.close()
    }

    @Test func terminatedConnectionsAreReplaced() async throws {
        let server = try await PrivatePostgres.launch()
        defer { server.destroy() }
        var timeouts = PostgresStore.Timeouts()
        timeouts.operation = .seconds(2)
        let store = try await PostgresStore.open(url: server.url, timeouts: timeouts)
        #expect(try await store.insertCallbacks([callback("t-1")]) == [.inserted])
        #expect(try await server.terminateSwitchboardConnections() >= 1)

        // The pool may hand out a connection whose server process has just ended: that call fails, fast.
        let started = clock.now
        _ = try? await store.insertCallbacks([callback("t-2")])
        #expect(clock.now - started < .seconds(30))
        #expect(await eventually(timeout: .seconds(30)) { _ = try await store.insertCallbacks([callback("t-3")]) })
        #expect(try await store.transaction(id: "t-1") != nil)
        #expect(try await store.transaction(id: "t-3") != nil)
        try await store.close()
    }
}
