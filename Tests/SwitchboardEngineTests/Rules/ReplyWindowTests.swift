import Foundation
import Testing

@testable import SwitchboardEngine

struct ReplyWindowTests {
    /// Seconds after receipt, and the status the default window (30 min, 10 s margin) reports then.
    @Test(arguments: [
        (0.0, ReplyWindowStatus.open(timeLeft: .seconds(1800))),
        (1789.0, .open(timeLeft: .seconds(11))),
        (1790.0, .open(timeLeft: .seconds(10))),
        (1790.5, .insideSafetyMargin(timeLeft: .seconds(9.5))),
        (1799.0, .insideSafetyMargin(timeLeft: .seconds(1))),
        (1800.0, .closed(overdueBy: .zero)),
        (1800.5, .closed(overdueBy: .milliseconds(500))),
        (3600.0, .closed(overdueBy: .seconds(1800))),
    ])
    func statusAtTheBoundaries(elapsed: Double, expected: ReplyWindowStatus) {
        let clock = ManualWallClock()
        let receivedAt = clock.now()
        clock.advance(by: .seconds(elapsed))
        let window = ReplyWindow()
        #expect(window.status(receivedAt: receivedAt, clock: clock) == expected)
        #expect(window.canReply(receivedAt: receivedAt, now: clock.now()) == (elapsed <= 1790))
    }

    @Test func deadlineIsReceiptPlusWindow() {
        let receivedAt = Date(timeIntervalSince1970: 1_800_000_000)
        let window = ReplyWindow()
        #expect(window.deadline(receivedAt: receivedAt) == Date(timeIntervalSince1970: 1_800_001_800))
        #expect(window.timeLeft(receivedAt: receivedAt, now: receivedAt.addingTimeInterval(1900)) == .seconds(-100))
    }

    @Test(arguments: [
        (54.0, ReplyWindowStatus.open(timeLeft: .seconds(6))),
        (55.0, .open(timeLeft: .seconds(5))),
        (56.0, .insideSafetyMargin(timeLeft: .seconds(4))),
        (60.0, .closed(overdueBy: .zero)),
        (61.0, .closed(overdueBy: .seconds(1))),
    ])
    func configurableWindowForTheSimulator(elapsed: Double, expected: ReplyWindowStatus) {
        let clock = ManualWallClock(Date(timeIntervalSince1970: 1_700_000_000))
        let receivedAt = clock.now()
        clock.advance(by: .seconds(elapsed))
        let window = ReplyWindow(window: .seconds(60), safetyMargin: .seconds(5))
        #expect(window.status(receivedAt: receivedAt, now: clock.now()) == expected)
    }

    @Test func onlyOpenAllowsAReply() {
        #expect(ReplyWindowStatus.open(timeLeft: .seconds(10)).canReply)
        #expect(!ReplyWindowStatus.insideSafetyMargin(timeLeft: .seconds(9)).canReply)
        #expect(!ReplyWindowStatus.closed(overdueBy: .zero).canReply)
    }
}
