import Synchronization

/// Events from the engine's tasks to the UI thread, which drains them between key reads.
package final class EventQueue: Sendable {
    private let events = Mutex<[ConsoleEvent]>([])

    package init() {}

    package func post(_ event: ConsoleEvent) {
        events.withLock { $0.append(event) }
    }

    package func drain() -> [ConsoleEvent] {
        events.withLock { events in
            defer { events.removeAll() }
            return events
        }
    }
}
