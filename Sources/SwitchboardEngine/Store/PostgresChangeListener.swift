import Foundation
import Logging
import PostgresNIO
import Synchronization

/// Hears other processes' changes: `LISTEN` on one dedicated connection (never a pooled one), publishing each
/// notification's ids; after a lost connection it reconnects and publishes `.external`, so watchers re-read what
/// they may have missed.
final class PostgresChangeListener: Sendable {
    static let channel = "switchboard_changes"
    /// The listener's `application_name`, so it can be found in `pg_stat_activity`.
    static let applicationName = "switchboard-listener"
    /// A NOTIFY payload must stay under 8000 bytes; a larger change is sent as `.external`.
    static let payloadLimit = 7000

    private struct Note: Codable {
        var origin: String
        var inserted: [String]?
        var updated: String?
    }

    private struct State {
        var task: Task<Void, Never>?
        var connection: PostgresConnection?
        var stopped = false
        /// Its `LISTEN` is confirmed on the current connection.
        var listening = false
        var waiters: [CheckedContinuation<Bool, Never>] = []
    }

    private let endpoint: PostgresEndpoint
    private let origin: String
    private let broadcaster: ChangeBroadcaster
    private let logger: Logger
    private let retryDelay: Duration
    private let state = Mutex(State())

    init(
        endpoint: PostgresEndpoint, origin: String, broadcaster: ChangeBroadcaster, logger: Logger,
        retryDelay: Duration = .milliseconds(500)
    ) {
        self.endpoint = endpoint
        self.origin = origin
        self.broadcaster = broadcaster
        self.logger = logger
        self.retryDelay = retryDelay
    }

    /// The NOTIFY payload for a change made by the store `origin`.
    static func payload(_ change: StoreChange, origin: String) -> String {
        var note = Note(origin: origin)
        switch change {
        case .inserted(let ids): note.inserted = ids
        case .updated(let id): note.updated = id
        case .external: break
        }
        let encoded = (try? JSONEncoder().encode(note)).map { String(decoding: $0, as: UTF8.self) }
        if let encoded, encoded.utf8.count <= payloadLimit { return encoded }
        return String(decoding: (try? JSONEncoder().encode(Note(origin: origin))) ?? Data(), as: UTF8.self)
    }

    /// The change a payload stands for, or nil for this store's own (already published) and unreadable ones.
    private func change(from payload: String) -> StoreChange? {
        guard let note = try? JSONDecoder().decode(Note.self, from: Data(payload.utf8)), note.origin != origin
        else { return nil }
        if let inserted = note.inserted { return .inserted(inserted) }
        if let updated = note.updated { return .updated(updated) }
        return .external
    }

    func startIfNeeded() {
        state.withLock { state in
            guard state.task == nil, !state.stopped else { return }
            state.task = Task.detached { [self] in await run() }
        }
    }

    func stop() async {
        let (task, connection) = state.withLock { state in
            state.stopped = true
            return (state.task, state.connection)
        }
        task?.cancel()
        try? await connection?.close()
        await task?.value
        setListening(false)
    }

    /// Returns true once the listener's `LISTEN` is confirmed (a change committed from now on is heard, or the
    /// listener reconnects and publishes `.external`), false if it was stopped first. `changes()` starts the listener;
    /// this is for the tests, which must not write before it listens.
    func ready() async -> Bool {
        await withCheckedContinuation { continuation in
            let answer = state.withLock { state -> Bool? in
                if state.listening || state.stopped { return state.listening }
                state.waiters.append(continuation)
                return nil
            }
            if let answer { continuation.resume(returning: answer) }
        }
    }

    private func setListening(_ listening: Bool) {
        let (waiters, answer) = state.withLock { state in
            state.listening = listening && !state.stopped
            let waiters = state.listening || state.stopped ? state.waiters : []
            if !waiters.isEmpty { state.waiters = [] }
            return (waiters, state.listening)
        }
        for waiter in waiters { waiter.resume(returning: answer) }
    }

    private func run() async {
        var connectedBefore = false
        while !Task.isCancelled {
            do {
                let configuration = try endpoint.connectionConfiguration(applicationName: Self.applicationName)
                let connection = try await PostgresConnection.connect(
                    configuration: configuration, id: 1, logger: logger)
                let keep = state.withLock { state in
                    if !state.stopped { state.connection = connection }
                    return !state.stopped
                }
                guard keep else {
                    try? await connection.close()
                    return
                }
                try await connection.listen(on: Self.channel) { notifications in
                    setListening(true)
                    if connectedBefore { broadcaster.publish(.external) }
                    connectedBefore = true
                    for try await notification in notifications {
                        if let change = change(from: notification.payload) { broadcaster.publish(change) }
                    }
                }
            } catch {
                logger.warning("store change listener lost", metadata: ["error": "\(PostgresErrors.describe(error))"])
            }
            setListening(false)
            let connection = state.withLock { state in
                defer { state.connection = nil }
                return state.connection
            }
            try? await connection?.close()
            try? await Task.sleep(for: retryDelay)
        }
    }
}
