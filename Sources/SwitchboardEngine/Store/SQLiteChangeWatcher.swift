import Foundation
import GRDB
import Synchronization

/// Notices commits made by other processes to the same SQLite file by polling `PRAGMA data_version` on a
/// connection of its own, 40 times a second (a read of one page header: about 20 µs a poll, measured in
/// Benchmarks/RESULTS.md), and publishes them as `.external`.
final class SQLiteChangeWatcher: Sendable {
    private let path: String
    private let broadcaster: ChangeBroadcaster
    private let interval: Duration
    private let task = Mutex<Task<Void, Never>?>(nil)

    init(path: String, broadcaster: ChangeBroadcaster, interval: Duration = .milliseconds(25)) {
        self.path = path
        self.broadcaster = broadcaster
        self.interval = interval
    }

    func startIfNeeded() {
        task.withLock { task in
            guard task == nil else { return }
            let (path, broadcaster, interval) = (self.path, self.broadcaster, self.interval)
            task = Task.detached {
                var configuration = Configuration()
                configuration.readonly = true
                configuration.busyMode = .timeout(5)
                guard let queue = try? DatabaseQueue(path: path, configuration: configuration) else { return }
                var last = try? queue.inDatabase { try Int.fetchOne($0, sql: "PRAGMA data_version") }
                while !Task.isCancelled {
                    try? await Task.sleep(for: interval)
                    let now = try? queue.inDatabase { try Int.fetchOne($0, sql: "PRAGMA data_version") }
                    if let now, now != last {
                        last = now
                        broadcaster.publish(.external)
                    }
                }
                try? queue.close()
            }
        }
    }

    func stop() {
        task.withLock { task in
            task?.cancel()
            task = nil
        }
    }
}
