import Synchronization

@testable import SwitchboardEngine

/// An export that keeps the batches it is given in memory, takes a withdrawn one back out, and can fail a write or
/// act before one (as another process would, between a batch's read and its deletion).
final class CollectingExporter: RetentionExporter {
    private let state = Mutex<(kept: [RetentionBatch], writes: Int)>(([], 0))
    private let failingWrite: Int?
    private let beforeWrite: (@Sendable (Int) async throws -> Void)?

    /// `failingWrite`: the write (1-based) that throws; `beforeWrite` runs before each, given its number.
    init(failingWrite: Int? = nil, beforeWrite: (@Sendable (Int) async throws -> Void)? = nil) {
        self.failingWrite = failingWrite
        self.beforeWrite = beforeWrite
    }

    struct WriteFailed: Error {}

    /// The batches kept, in order.
    var batches: [RetentionBatch] { state.withLock { $0.kept } }

    func write(_ batch: RetentionBatch) async throws {
        let number = state.withLock { state in
            state.writes += 1
            return state.writes
        }
        if number == failingWrite { throw WriteFailed() }
        try await beforeWrite?(number)
        state.withLock { $0.kept.append(batch) }
    }

    func withdraw(_ batch: RetentionBatch) async throws {
        state.withLock { state in
            if state.kept.last == batch { state.kept.removeLast() }
        }
    }
}
