import Foundation
import Synchronization
import Testing

@testable import SwitchboardEngine

/// The bound on a store call: its result when it is in time, ``StoreDeadline/Expired`` when it is not, even if the
/// operation ignores cancellation.
@Suite struct StoreDeadlineTests {
    private let clock = ContinuousClock()

    @Test func anOperationInTimeGivesItsResult() async throws {
        let value = try await StoreDeadline.run(within: .seconds(30)) { 42 }
        #expect(value == 42)
        await #expect(throws: StoreError.claimLost(transactionID: "x")) {
            try await StoreDeadline.run(within: .seconds(30)) { () -> Int in
                throw StoreError.claimLost(transactionID: "x")
            }
        }
    }

    @Test func anOperationThatDoesNotEndIsAbandonedAtTheLimit() async throws {
        let ended = Mutex(false)
        let started = clock.now
        await #expect(throws: StoreDeadline.Expired.self) {
            try await StoreDeadline.run(within: .milliseconds(200)) { () -> Int in
                // Ignores cancellation, like a statement waiting on a connection that no longer answers (and
                // holds no thread meanwhile: a loop of cancelled sleeps would spin one of the test threads).
                await withCheckedContinuation { continuation in
                    DispatchQueue.global().asyncAfter(deadline: .now() + 20) { continuation.resume() }
                }
                ended.withLock { $0 = true }
                return 1
            }
        }
        // 200 ms; the margin is for a loaded machine whose other tests hold the threads (seen: 10 s).
        #expect(clock.now - started < .seconds(20), "the caller waited \(clock.now - started)")
        #expect(!ended.withLock { $0 })
    }

    @Test func cancellingTheCallerCancelsTheOperation() async throws {
        let (running, operationRuns) = AsyncStream<Void>.makeStream()
        let call = Task {
            try await StoreDeadline.run(within: .seconds(60)) { () -> Int in
                operationRuns.yield()
                try await Task.sleep(for: .seconds(60))
                return 1
            }
        }
        // The operation is under way (not cancelled before it began) when the caller is cancelled.
        var iterator = running.makeAsyncIterator()
        await iterator.next()
        let started = clock.now
        call.cancel()
        await #expect(throws: CancellationError.self) { try await call.value }
        #expect(clock.now - started < .seconds(30))
    }
}
