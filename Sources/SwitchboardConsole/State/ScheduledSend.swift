import Foundation
import SwitchboardEngine

/// A reply sent with `Enter` that waits out `console.send_delay` in this console before it goes to the engine:
/// nothing is claimed or sent until ``sendAt``, so `u` can take it back, and a console that dies meanwhile sent
/// nothing.
package struct ScheduledSend: Sendable, Hashable {
    /// The draft as it was sent, put back by `u`.
    package var draft: ComposeDraft
    package var sendAt: Date
    /// The delay was cut so that the reply still goes out before the deadline less the safety margin.
    package var shortened: Bool

    package var transactionID: String { draft.transactionID }

    /// Whole seconds left before it goes out (rounded up, never below 0).
    package func secondsLeft(at now: Date) -> Int {
        max(0, Int(sendAt.timeIntervalSince(now).rounded(.up)))
    }

    /// `sending in 4s · u undo`, with `(deadline)` when the delay was shortened.
    package func countdown(at now: Date) -> String {
        "sending in \(secondsLeft(at: now))s\(shortened ? " (cut for the deadline)" : "") · u undo"
    }
}
