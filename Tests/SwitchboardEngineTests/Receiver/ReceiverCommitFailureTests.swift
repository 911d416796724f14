import Foundation
import GRDB
import Testing

@testable import SwitchboardEngine

/// A store that reads but cannot commit (a full disk; here a trigger makes SQLite refuse every insert): each
/// callback of a failed group commit gets 503, `/healthz` says so, and the next group commits as if nothing
/// happened.
@Suite struct ReceiverCommitFailureTests {
    private static func refuseInserts(_ store: SQLiteStore) async throws {
        try await store.pool.write { db in
            try db.execute(
                sql: """
                    CREATE TRIGGER refuse_callbacks BEFORE INSERT ON inbound_transaction
                    BEGIN SELECT RAISE(ABORT, 'database or disk is full (simulated)'); END
                    """)
        }
    }

    private static func acceptInserts(_ store: SQLiteStore) async throws {
        try await store.pool.write { db in try db.execute(sql: "DROP TRIGGER refuse_callbacks") }
    }

    @Test func aFailedGroupFailsEveryCallbackInItAndTheNextGroupCommits() async throws {
        try await ReceiverHarness.run { harness in
            #expect(try await harness.postForm(callbackFields("first")).status == 200)
            #expect(try await harness.send(.GET, "/healthz").status == 200)

            try await Self.refuseInserts(harness.store)
            let refused = try await ReceiverGroupCommitTests.postConcurrently(30, through: harness)
            #expect(refused == [503: 30], "never 200 for a callback that was not stored")
            #expect(try await harness.store.count() == 1)
            let sick = try await harness.send(.GET, "/healthz")
            #expect(sick.status == 503, "the store reads, but it cannot commit")
            #expect(sick.body.contains("last commit failed"))
            #expect(sick.body.contains("disk is full (simulated)"))

            // Room again: the next group commits, and so does every resend of the refused ones.
            try await Self.acceptInserts(harness.store)
            let resent = try await ReceiverGroupCommitTests.postConcurrently(30, through: harness)
            #expect(resent == [200: 30])
            #expect(try await harness.store.count() == 31)
            #expect(try await harness.send(.GET, "/healthz").status == 200, "healthy once a commit went through")
            let metrics = try await harness.metricsText()
            #expect(metricValue(#"switchboard_callbacks_refused_total{reason="store"}"#, in: metrics) == 30)
            #expect(metricValue("switchboard_callbacks_accepted_total", in: metrics) == 31)
            #expect(metricValue("switchboard_callbacks_duplicate_total", in: metrics) ?? 0 == 0)
        }
    }
}
