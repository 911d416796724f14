import Foundation
import SwitchboardEngine
import Synchronization

/// Follows the store for the console: one snapshot of the working set at start, then, each time the store says
/// something changed (a commit in this process, another process's commit, a reconnect), only the texts changed
/// since the cursor of the last read. A burst of wake-ups while a read runs is one more read, not one per wake-up;
/// a read that fails is said on the status bar and tried again every second from the same cursor (a resync, not a
/// reload).
///
/// Reads are at least ``minimumInterval`` apart: a change alone is read (and drawn) at once, and under a steady
/// stream of callbacks the console reads and redraws ten times a second, whatever the rate (drawing a 200×60 frame
/// per callback cost more than the reads; Benchmarks/RESULTS.md).
final class InboxFollower: Sendable {
    static let minimumInterval: Duration = .milliseconds(100)

    private let engine: ConsoleEngine
    private let queue: EventQueue
    /// This console's own soft-lock id, left out of the marks shown.
    private let consoleID: String

    init(engine: ConsoleEngine, queue: EventQueue, consoleID: String) {
        self.engine = engine
        self.queue = queue
        self.consoleID = consoleID
    }

    func run() async {
        let (wakes, wake) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let changes = engine.store.changes()
        let listener = Task {
            for await _ in changes { wake.yield() }
            wake.finish()
        }
        defer { listener.cancel() }
        var cursor: ChangeCursor?
        var marks: [ComposingMark]?
        var pending = true
        var iterator = wakes.makeAsyncIterator()
        while !Task.isCancelled {
            if !pending {
                guard await iterator.next() != nil else { return }
            }
            pending = false
            do {
                let clock = ContinuousClock()
                let started = clock.now
                cursor = try await read(from: cursor)
                let now = engine.clock.now()
                let live = try await engine.store.composingMarks(now: now).filter { $0.consoleID != consoleID }
                if live != marks {
                    marks = live
                    queue.post(.composingLoaded(live))
                }
                try? await Task.sleep(until: started + Self.minimumInterval)
            } catch {
                queue.post(.storeUnavailable("\(error)"))
                pending = true
                try? await Task.sleep(for: .seconds(1))
            }
        }
    }

    /// The first read (`cursor` nil) or the changes since `cursor`; returns where to read from next.
    private func read(from cursor: ChangeCursor?) async throws -> ChangeCursor {
        let now = engine.clock.now()
        let since = WorkingSetSpan.readSince(now: now, window: engine.window)
        guard let cursor else {
            let start = WorkingSetSpan.start(now: now, window: engine.window)
            let snapshot = try await engine.store.inboxSnapshot(receivedSince: since)
            queue.post(.inboxFollowed(snapshot, since: start))
            return snapshot.cursor
        }
        let changes = try await engine.store.inboxChanges(since: cursor, receivedSince: since)
        if !changes.transactions.isEmpty || changes.cursor != cursor { queue.post(.inboxChanged(changes)) }
        return changes.cursor
    }
}
