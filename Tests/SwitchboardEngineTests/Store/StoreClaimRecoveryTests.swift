import Foundation
import Testing

@testable import SwitchboardEngine

/// The claim protocol when holders die or fall behind, on every store: nothing is sent twice and the journal stays the truth.
@Suite struct StoreClaimRecoveryTests {
    let clock = ManualWallClock()
    let window = ReplyWindow()

    private func attempt(_ token: String, at now: Date, lease: TimeInterval = 60) -> NewReplyAttempt {
        NewReplyAttempt(
            transactionID: "100", token: token, operatorName: "ana", message: "Yes, open till 9", paid: false,
            requestBody: "apikey=***", startedAt: now, leaseUntil: now.addingTimeInterval(lease))
    }

    private func claimed(_ store: any Store, by name: String, at now: Date, lease: Duration = .seconds(60))
        async throws -> ReplyClaim
    {
        let result = try await store.claim(transactionID: "100", operatorName: name, now: now, lease: lease)
        guard case .claimed(let claim) = result else { throw StoreError.unavailable("not claimed: \(result)") }
        return claim
    }

    private static let success = TaggaAttemptOutcome.answered(
        TaggaResponse(transactionID: "100", returnCode: .success, message: "Success"), rawBody: "<xml/>")

    /// Tagga answered 0, then the holder died before its release: the next claim closes the text from the journal
    /// instead of sending again.
    @Test(arguments: StoreKind.tested) func aFinalAnswerInTheJournalClosesTheTextAtTheNextClaim(kind: StoreKind)
        async throws
    {
        let store = try await kind.makeStore()
        let now = clock.now()
        _ = try await store.insertCallbacks([StoreFixture.callback("100", at: now)])
        let claim = try await claimed(store, by: "ana", at: now)
        let id = try await store.beginAttempt(attempt(claim.token, at: now))
        try await store.finishAttempt(id: id, outcome: Self.success, at: now.addingTimeInterval(1))
        // ana's process dies here.
        let later = now.addingTimeInterval(120)
        let result = try await store.claim(transactionID: "100", operatorName: "ben", now: later, lease: .seconds(60))
        #expect(result == .final(.replied))
        let stored = try #require(try await store.transaction(id: "100"))
        #expect(stored.state == .replied)
        #expect(stored.replyMessage == "Yes, open till 9")
        #expect(stored.operatorName == "ana")
        #expect(stored.claim == nil)
        try await store.close()
    }

    @Test(arguments: StoreKind.tested) func noAttemptCanBeginOnceTheLeaseHasRunOut(kind: StoreKind) async throws {
        let store = try await kind.makeStore()
        let now = clock.now()
        _ = try await store.insertCallbacks([StoreFixture.callback("100", at: now)])
        let claim = try await claimed(store, by: "ana", at: now, lease: .seconds(10))
        await #expect(throws: StoreError.claimLost(transactionID: "100")) {
            _ = try await store.beginAttempt(attempt(claim.token, at: now.addingTimeInterval(11)))
        }
        // Inside the lease it works, and renews it.
        _ = try await store.beginAttempt(attempt(claim.token, at: now.addingTimeInterval(5), lease: 100))
        let renewed = try #require(try await store.transaction(id: "100")?.claim)
        #expect(renewed.leaseUntil == now.addingTimeInterval(105))
        try await store.close()
    }

    /// A holder whose claim was taken over finishes late: its journal row gets the truth, the new holder's
    /// summary is left alone.
    @Test(arguments: StoreKind.tested) func aLateFinishDoesNotOverwriteTheNewHolder(kind: StoreKind) async throws {
        let store = try await kind.makeStore()
        let now = clock.now()
        _ = try await store.insertCallbacks([StoreFixture.callback("100", at: now)])
        let first = try await claimed(store, by: "ana", at: now, lease: .seconds(10))
        let lateID = try await store.beginAttempt(attempt(first.token, at: now, lease: 10))
        let later = now.addingTimeInterval(20)
        let second = try await claimed(store, by: "ben", at: later)
        #expect(second.token != first.token)
        try await store.finishAttempt(id: lateID, outcome: Self.success, at: later)
        let journal = try await store.journal(transactionID: "100")
        #expect(journal.map(\.returnCode) == [0], "the journal keeps what Tagga said")
        let stored = try #require(try await store.transaction(id: "100"))
        #expect(stored.claim?.token == second.token)
        #expect(stored.lastReturnCode == nil, "ben's summary is untouched")
        try await store.close()
    }

    @Test(arguments: StoreKind.tested) func releasingWithoutAnOutcomeMarksTheAttemptUnknown(kind: StoreKind)
        async throws
    {
        let store = try await kind.makeStore()
        let now = clock.now()
        _ = try await store.insertCallbacks([StoreFixture.callback("100", at: now)])
        let claim = try await claimed(store, by: "ana", at: now)
        _ = try await store.beginAttempt(attempt(claim.token, at: now))
        try await store.release(
            transactionID: "100", token: claim.token, resolution: .unknown, replyMessage: nil, at: now)
        #expect(try await store.journal(transactionID: "100").map(\.outcome) == [.unknown])
        let stored = try #require(try await store.transaction(id: "100"))
        #expect(stored.status(now: now, window: window) == .outcomeUnknown)
        try await store.close()
    }
}
