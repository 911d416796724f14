/// How many rows the next retention batch takes: it starts small and follows how long batches take, halving after
/// one that held the write lock longer than the target and doubling (up to the most) after one that took less than
/// half of it. A fixed number of rows would be wrong on every disk but one: 500 texts took 20 to 60 ms on a
/// loaded 2-core machine, while a callback waiting for the lock should wait a few milliseconds at most. A batch's
/// commit (its fsync) costs the same whatever its size, so on a slow disk the size settles at `least`.
package struct RetentionBatchSize: Sendable, Hashable {
    /// The rows the next batch takes.
    package private(set) var current: Int
    private let most: Int
    private let least: Int
    private let target: Duration?

    /// `most` rows at a time at the most; with a `target`, the size follows it between `least` and `most`
    /// (starting at `start`), else it stays `most`.
    package init(most: Int, target: Duration?, least: Int = 10, start: Int = 50) {
        self.most = max(1, most)
        self.least = max(1, min(least, self.most))
        self.target = target
        current = target == nil ? self.most : min(max(start, self.least), self.most)
    }

    /// Takes note of how long the last batch took.
    package mutating func record(_ took: Duration) {
        guard let target else { return }
        if took > target {
            current = max(least, current / 2)
        } else if took * 2 < target {
            current = min(most, current * 2)
        }
    }
}
