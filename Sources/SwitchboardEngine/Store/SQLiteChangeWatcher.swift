import Foundation
import GRDB
import Synchronization

/// Notices commits made by other processes to the same SQLite file by polling `PRAGMA data_version` on a
/// connection of its own, 40 times a second, and publishes them as `.external`.
///
/// The poll runs on a thread of its own that sleeps between polls, with the statement prepared once: a poll from
/// a task (a wake-up of the concurrency pool and a hop onto GRDB's queue each time) cost the idle console 0.6 % of
/// a core at this rate; on a thread it is a few microseconds (Benchmarks/RESULTS.md, "The console on a live store").
final class SQLiteChangeWatcher: Sendable {
    private struct State {
        var thread: Thread?
        var stopped = false
        /// Whether commits are being watched for: nil until the first poll has read the version the later ones are
        /// compared with; false once stopped, or when the file could not be opened.
        var watching: Bool?
        var waiters: [CheckedContinuation<Bool, Never>] = []
    }

    private let path: String
    private let broadcaster: ChangeBroadcaster
    private let interval: Duration
    private let state = Mutex(State())

    init(path: String, broadcaster: ChangeBroadcaster, interval: Duration = .milliseconds(25)) {
        self.path = path
        self.broadcaster = broadcaster
        self.interval = interval
    }

    func startIfNeeded() {
        state.withLock { state in
            guard state.thread == nil, !state.stopped else { return }
            let thread = Thread { [self] in poll() }
            thread.name = "switchboard-data-version"
            state.thread = thread
            thread.start()
        }
    }

    func stop() {
        state.withLock { $0.stopped = true }
        settle(watching: false)
    }

    /// Returns true once a commit made by another connection from now on will be reported (the watcher has read
    /// the version it compares later ones with), false if it stopped or could not open the file. `changes()` starts
    /// the watcher; this is for the tests, which must not write before it watches.
    func ready() async -> Bool {
        await withCheckedContinuation { continuation in
            let answer = state.withLock { state -> Bool? in
                if state.watching == nil { state.waiters.append(continuation) }
                return state.watching
            }
            if let answer { continuation.resume(returning: answer) }
        }
    }

    private func settle(watching: Bool) {
        let (waiters, answer) = state.withLock { state in
            let answer = watching && !state.stopped
            state.watching = answer
            defer { state.waiters = [] }
            return (state.waiters, answer)
        }
        for waiter in waiters { waiter.resume(returning: answer) }
    }

    private var isStopped: Bool { state.withLock { $0.stopped } }

    private func poll() {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(5)
        guard let queue = try? DatabaseQueue(path: path, configuration: configuration) else {
            settle(watching: false)
            return
        }
        defer { try? queue.close() }
        let pause = useconds_t(interval.timeInterval * 1_000_000)
        // The queue runs a synchronous call on the calling thread: no hop, no allocation but the statement's.
        func version() -> Int? {
            try? queue.inDatabase { db in
                try Int.fetchOne(db.cachedStatement(sql: "PRAGMA data_version"))
            }
        }
        var last = version()
        settle(watching: true)
        while !isStopped {
            usleep(pause)
            guard let now = version() else { continue }
            if now != last {
                last = now
                broadcaster.publish(.external)
            }
        }
    }
}
