import Foundation

/// Tagga's reply window: a reply must reach the provider within `window` of our receipt of the text.
///
/// The window starts at our receipt time (the callback carries no timestamp). A reply is refused locally
/// when the deadline has passed or less than `safetyMargin` is left, so a reply in flight does not arrive late.
/// Exactly `safetyMargin` left is still open; exactly at the deadline is closed.
package struct ReplyWindow: Sendable, Hashable {
    /// How long after receipt a reply is accepted (30 minutes at Tagga).
    package let window: Duration
    /// How much time must be left to send.
    package let safetyMargin: Duration
    /// `window` in seconds, worked out once: the inbox asks for deadlines thousands of times a frame.
    package let windowSeconds: TimeInterval

    package init(window: Duration = .seconds(1800), safetyMargin: Duration = .seconds(10)) {
        self.window = window
        self.safetyMargin = safetyMargin
        windowSeconds = window.timeInterval
    }

    /// The moment the provider stops accepting a reply.
    package func deadline(receivedAt: Date) -> Date {
        receivedAt.addingTimeInterval(windowSeconds)
    }

    /// Time until the deadline; negative once it has passed.
    package func timeLeft(receivedAt: Date, now: Date) -> Duration {
        .seconds(deadline(receivedAt: receivedAt).timeIntervalSince(now))
    }

    /// Open, inside the safety margin, or closed.
    package func status(receivedAt: Date, now: Date) -> ReplyWindowStatus {
        let left = timeLeft(receivedAt: receivedAt, now: now)
        if left <= .zero { return .closed(overdueBy: .zero - left) }
        if left < safetyMargin { return .insideSafetyMargin(timeLeft: left) }
        return .open(timeLeft: left)
    }

    /// Open, inside the safety margin, or closed, at the clock's time.
    package func status(receivedAt: Date, clock: some WallClock) -> ReplyWindowStatus {
        status(receivedAt: receivedAt, now: clock.now())
    }

    /// Whether a reply may be sent now.
    package func canReply(receivedAt: Date, now: Date) -> Bool {
        status(receivedAt: receivedAt, now: now).canReply
    }
}
