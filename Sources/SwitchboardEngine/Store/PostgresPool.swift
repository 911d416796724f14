import Logging
import PostgresNIO
import Synchronization

/// The store's connection pool, renewed when PostgreSQL comes back after an outage.
///
/// postgres-nio's pool recovers on its own, but slowly: while the server is away it retries with a backoff that
/// grows to a minute, and after a minute without a connection it fails every request at once (its circuit breaker)
/// until one of those retries succeeds. So when a store call could not even get a connection, ``serverMayBeBack()``
/// tries one direct connection (at most one at a time, at most one a second); if the server answers, a fresh pool
/// takes over. The old one is shut down a grace period later, so that a call that did get a connection from it
/// (the pool was busy, not cut off) still finishes.
final class PostgresPool: Sendable {
    private struct State {
        var client: PostgresClient
        var runner: Task<Void, Never>
        /// Replaced pools, each shut down after the grace period or when the store closes.
        var retiring: [Task<Void, Never>] = []
        var probing = false
        var lastProbe: ContinuousClock.Instant?
        var closed = false
    }

    /// The shortest time between two direct connection attempts.
    static let probeInterval: Duration = .seconds(1)
    /// How long a replaced pool lives on for the calls still using it.
    static let retirementGrace: Duration = .seconds(90)

    private let endpoint: PostgresEndpoint
    private let logger: Logger
    private let state: Mutex<State>

    init(endpoint: PostgresEndpoint, logger: Logger) {
        self.endpoint = endpoint
        self.logger = logger
        let client = PostgresClient(configuration: endpoint.clientConfiguration, backgroundLogger: logger)
        state = Mutex(State(client: client, runner: Task { await client.run() }))
    }

    /// The pool to use now.
    var client: PostgresClient { state.withLock { $0.client } }

    /// Called when a store call got no connection from the pool: renews the pool if the server answers now.
    func serverMayBeBack() {
        let clock = ContinuousClock()
        let now = clock.now
        let start = state.withLock { state -> Bool in
            guard !state.closed, !state.probing else { return false }
            if let last = state.lastProbe, last.duration(to: now) < Self.probeInterval { return false }
            state.probing = true
            state.lastProbe = now
            return true
        }
        guard start else { return }
        Task { await probeAndRenew() }
    }

    /// Shuts the pool down; pending and later requests fail.
    func close() async {
        let runners = state.withLock { state in
            state.closed = true
            return [state.runner] + state.retiring
        }
        for runner in runners { runner.cancel() }
        for runner in runners { await runner.value }
    }

    private func probeAndRenew() async {
        let answered: Bool
        do {
            let connection = try await PostgresConnection.connect(
                configuration: try endpoint.connectionConfiguration(applicationName: "switchboard"), id: 0,
                logger: logger)
            try? await connection.close()
            answered = true
        } catch {
            answered = false
        }
        let renewed = state.withLock { state -> Bool in
            state.probing = false
            guard answered, !state.closed else { return false }
            let fresh = PostgresClient(configuration: endpoint.clientConfiguration, backgroundLogger: logger)
            let retired = state.runner
            state.client = fresh
            state.runner = Task { await fresh.run() }
            state.retiring.append(retired)
            return true
        }
        guard renewed else { return }
        logger.notice("PostgreSQL answers again at \(endpoint.displayName): using a fresh connection pool")
        try? await Task.sleep(for: Self.retirementGrace)
        let retired = state.withLock { state -> Task<Void, Never>? in
            state.retiring.isEmpty ? nil : state.retiring.removeFirst()
        }
        retired?.cancel()
    }
}
