import Foundation
import Testing

@testable import SwitchboardEngine

/// Group commit: callbacks arriving together share a commit, and each is answered only after its own commit.
@Suite struct ReceiverGroupCommitTests {
    @Test func concurrentCallbacksShareCommits() async throws {
        try await ReceiverHarness.run { harness in
            let statuses = try await Self.postConcurrently(200, through: harness)
            #expect(statuses == [200: 200])
            #expect(try await harness.store.count() == 200)
            let metrics = try await harness.metricsText()
            let commits = try #require(metricValue("switchboard_commit_batch_size_count", in: metrics))
            #expect(commits >= 1)
            #expect(commits < 200)
            #expect(metricValue("switchboard_commit_batch_size_sum", in: metrics) == 200)
            #expect(metricValue("switchboard_callbacks_accepted_total", in: metrics) == 200)
        }
    }

    @Test func maximumBatchOfOneCommitsEachCallbackAlone() async throws {
        var settings = CallbackReceiver.Settings()
        settings.maximumBatch = 1
        try await ReceiverHarness.run(settings) { harness in
            let statuses = try await Self.postConcurrently(40, through: harness)
            #expect(statuses == [200: 40])
            #expect(try await harness.store.count() == 40)
            let metrics = try await harness.metricsText()
            #expect(metricValue("switchboard_commit_batch_size_count", in: metrics) == 40)
            #expect(metricValue("switchboard_commit_batch_size_sum", in: metrics) == 40)
        }
    }

    @Test func concurrentDuplicatesStoreOneRow() async throws {
        try await ReceiverHarness.run { harness in
            let first = harness.clock.now()
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<20 {
                    group.addTask {
                        try await harness.postForm(callbackFields("same", message: "copy \(index)")).status
                    }
                }
                return try await group.reduce(into: [Int: Int]()) { $0[$1, default: 0] += 1 }
            }
            #expect(statuses == [200: 20])
            #expect(try await harness.store.count() == 1)
            let stored = try #require(try await harness.store.transaction(id: "same"))
            #expect(stored.receivedAt == first)
            #expect(stored.message.hasPrefix("copy "))
            let metrics = try await harness.metricsText()
            #expect(metricValue("switchboard_callbacks_accepted_total", in: metrics) == 1)
            #expect(metricValue("switchboard_callbacks_duplicate_total", in: metrics) == 19)
        }
    }

    /// POSTs `count` distinct valid callbacks at once; returns how many got each status.
    static func postConcurrently(_ count: Int, through harness: ReceiverHarness) async throws -> [Int: Int] {
        try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<count {
                group.addTask {
                    try await harness.postForm(callbackFields("gc-\(index)", message: "text \(index)")).status
                }
            }
            var statuses: [Int: Int] = [:]
            for try await status in group { statuses[status, default: 0] += 1 }
            return statuses
        }
    }
}
