import Foundation
import Synchronization

/// Events from the engine's tasks to the UI thread. Posting wakes the UI thread at once (a byte down a pipe it
/// polls beside the keyboard), so a new text or a reply's answer shows without waiting for a tick.
package final class EventQueue: Sendable {
    private let events = Mutex<[ConsoleEvent]>([])
    /// The pipe's ends: the UI thread polls `wakeDescriptor`, posts write to the other.
    package let wakeDescriptor: Int32
    private let wakeWriter: Int32

    package init() {
        var ends: [Int32] = [-1, -1]
        if pipe(&ends) == 0 {
            for end in ends {
                _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
                _ = fcntl(end, F_SETFD, FD_CLOEXEC)
            }
        }
        // Without a pipe (no descriptors left) the UI still drains every tick; only the wake-up is lost.
        wakeDescriptor = ends[0]
        wakeWriter = ends[1]
    }

    deinit {
        if wakeDescriptor >= 0 { close(wakeDescriptor) }
        if wakeWriter >= 0 { close(wakeWriter) }
    }

    package func post(_ event: ConsoleEvent) {
        let first = events.withLock { events in
            events.append(event)
            return events.count == 1
        }
        if first, wakeWriter >= 0 {
            var byte: UInt8 = 1
            _ = write(wakeWriter, &byte, 1)
        }
    }

    /// Every event posted so far, oldest first.
    package func drain() -> [ConsoleEvent] {
        if wakeDescriptor >= 0 {
            // Empty the pipe first: an event posted after this is either taken below or wakes the next wait.
            var bytes = [UInt8](repeating: 0, count: 64)
            while read(wakeDescriptor, &bytes, bytes.count) > 0 {}
        }
        return events.withLock { events in
            defer { events.removeAll() }
            return events
        }
    }
}
