import Testing

@testable import SwitchboardEngine

/// The batch size follows how long batches take: small at first, halving after a slow one, doubling after a quick
/// one, always between its least and its most.
@Suite struct RetentionBatchSizeTests {
    @Test func startsSmallGrowsWhenQuickAndShrinksWhenSlow() {
        var size = RetentionBatchSize(most: 500, target: .milliseconds(10))
        #expect(size.current == 50)
        var seen: [Int] = []
        for _ in 0..<5 {
            size.record(.milliseconds(2))
            seen.append(size.current)
        }
        #expect(seen == [100, 200, 400, 500, 500])
        size.record(.milliseconds(7))
        #expect(size.current == 500, "between half the target and the target it stays")
        seen = []
        for _ in 0..<7 {
            size.record(.milliseconds(30))
            seen.append(size.current)
        }
        #expect(seen == [250, 125, 62, 31, 15, 10, 10])
    }

    @Test func withoutATargetEveryBatchIsTheMost() {
        var size = RetentionBatchSize(most: 3, target: nil)
        size.record(.seconds(1))
        #expect(size.current == 3)
        #expect(RetentionBatchSize(most: 3, target: .milliseconds(10)).current == 3, "never more than the most")
    }
}
