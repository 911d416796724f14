import Foundation
import Testing

@testable import SwitchboardEngine

/// The pacer on an injected clock: exact slots and departures, pauses for everyone.
@Suite struct TokenBucketTests {
    /// A wait rounded to the microsecond (dates near 2027 carry about 0.2 µs of precision).
    static func seconds(_ wait: Duration?) -> Double? {
        wait.map { ($0.timeInterval * 1_000_000).rounded() / 1_000_000 }
    }

    @Test func slotsAreOneIntervalApart() async {
        let clock = ManualWallClock()
        let start = clock.now()
        let bucket = TokenBucket(rate: .perSecond(10), clock: clock)
        let slots = [bucket.reserve(), bucket.reserve(), bucket.reserve()]
        #expect(zip(slots.map { $0.timeIntervalSince(start) }, [0, 0.1, 0.2]).allSatisfy { abs($0 - $1) < 1e-6 })
        clock.advance(by: .seconds(5))
        #expect(bucket.reserve() == clock.now(), "an idle bucket does not save up a burst")
    }

    @Test func departuresAreRecordedWhenTheyHappen() async {
        let clock = ManualWallClock()
        let bucket = TokenBucket(rate: .perSecond(4), clock: clock)
        #expect(bucket.departure() == nil)
        #expect(Self.seconds(bucket.departure()) == 0.25)
        clock.advance(by: .seconds(0.1))
        #expect(Self.seconds(bucket.departure()) == 0.15)
        // A sender that woke late: the next one waits a whole interval after it, not after the plan.
        clock.advance(by: .seconds(0.5))
        #expect(bucket.departure() == nil)
        clock.advance(by: .seconds(0.2))
        #expect(Self.seconds(bucket.departure()) == 0.05)
    }

    @Test func aPauseHoldsEveryone() async {
        let clock = ManualWallClock()
        let start = clock.now()
        let bucket = TokenBucket(rate: .perSecond(10), clock: clock)
        bucket.pause(until: start.addingTimeInterval(2))
        #expect(bucket.reserve() == start.addingTimeInterval(2))
        #expect(bucket.departure() == .seconds(2))
        #expect(bucket.mayGo(at: start.addingTimeInterval(1)) == false)
        bucket.pause(until: start.addingTimeInterval(1))
        #expect(bucket.pausedUntil == start.addingTimeInterval(2), "an earlier pause changes nothing")
        clock.advance(by: .seconds(2))
        #expect(bucket.departure() == nil)
    }

    @Test func unlimitedNeverWaitsUnlessPaused() async {
        let clock = ManualWallClock()
        let bucket = TokenBucket(rate: .unlimited, clock: clock)
        for _ in 0..<5 {
            #expect(bucket.reserve() == clock.now())
            #expect(bucket.departure() == nil)
        }
        bucket.pause(until: clock.now().addingTimeInterval(1))
        #expect(bucket.departure() == .seconds(1))
    }

    @Test(arguments: [
        ("10", BroadcastRate.perSecond(10)), ("2.5", .perSecond(2.5)), ("unlimited", .unlimited), ("0", .unlimited),
    ])
    func ratesParse(text: String, rate: BroadcastRate) {
        #expect(BroadcastRate(parsing: text) == rate)
    }

    @Test func badRatesAreRefused() {
        #expect(BroadcastRate(parsing: "-1") == nil)
        #expect(BroadcastRate(parsing: "fast") == nil)
        #expect(BroadcastRate(parsing: "nan") == nil)
    }
}
