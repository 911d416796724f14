import Foundation
import Testing

@testable import SwitchboardEngine

/// Every store against a real database (an SQLite file, a PostgreSQL server): duplicates, the claim protocol,
/// recovery, changes.
@Suite struct StoreTests {
    let clock = ManualWallClock()
    let window = ReplyWindow()

    @Test(arguments: StoreKind.tested) func duplicateAddsNoRowAndKeepsTheFirstReceiptTime(kind: StoreKind) async throws
    {
        let store = try await kind.makeStore()
        let first = clock.now()
        let results = try await store.insertCallbacks([
            StoreFixture.callback("100", at: first), StoreFixture.callback("100", message: "resent", at: first),
        ])
        #expect(results == [.inserted, .duplicate])
        let later = try await store.insertCallbacks([
            StoreFixture.callback("100", at: first.addingTimeInterval(60))
        ])
        #expect(later == [.duplicate])
        let stored = try #require(try await store.transaction(id: "100"))
        #expect(stored.receivedAt == first)
        #expect(stored.message == "Where is my order?")
        #expect(try await store.count() == 1)
        let raw = try #require(try await store.rawCallback(transactionID: "100"))
        #expect(
            String(decoding: raw.body, as: UTF8.self) == "transaction_id=100&tagg=HELP&message=Where+is+my+order%3F")
        try await store.close()
    }

    @Test(arguments: StoreKind.tested) func aMixedBatchIsStoredAsIfOneByOne(kind: StoreKind) async throws {
        let store = try await kind.makeStore()
        let now = clock.now()
        _ = try await store.insertCallbacks([StoreFixture.callback("known", at: now)])
        var get = StoreFixture.callback("get", message: "by GET", at: now)
        get.raw = RawCallbackRequest(
            method: "GET", target: "/tagga?transaction_id=get", contentType: nil, remoteAddress: nil, body: [])
        let results = try await store.insertCallbacks([
            get, StoreFixture.callback("known", message: "resent", at: now),
            StoreFixture.callback("new", message: "first", at: now), StoreFixture.callback("get", at: now),
            StoreFixture.callback("new", message: "second", at: now),
        ])
        #expect(results == [.inserted, .duplicate, .inserted, .duplicate, .duplicate])
        #expect(try await store.count() == 3)
        #expect(try await store.transaction(id: "new")?.message == "first")
        #expect(try await store.transaction(id: "get")?.message == "by GET")
        let raw = try #require(try await store.rawCallback(transactionID: "get"))
        #expect(raw.method == "GET" && raw.contentType == nil && raw.remoteAddress == nil && raw.body.isEmpty)
        let other = try #require(try await store.rawCallback(transactionID: "new"))
        #expect(other.contentType == "application/x-www-form-urlencoded" && other.remoteAddress == "127.0.0.1")
        #expect(String(decoding: other.body, as: UTF8.self).contains("message=first"))
        try await store.close()
    }

    @Test(arguments: StoreKind.tested) func openQueryIsDeadlineFirstAndSkipsClosedWindows(kind: StoreKind) async throws
    {
        let store = try await kind.makeStore()
        let now = clock.now()
        _ = try await store.insertCallbacks([
            StoreFixture.callback("new", at: now.addingTimeInterval(-60)),
            StoreFixture.callback("old", at: now.addingTimeInterval(-1700)),
            StoreFixture.callback("gone", at: now.addingTimeInterval(-1900)),
        ])
        let open = try await store.transactions(.open(now: now, window: window))
        #expect(open.map(\.id) == ["old", "new"])
        let gone = try #require(try await store.transaction(id: "gone"))
        #expect(gone.status(now: now, window: window) == .expired)
        try await store.close()
    }

    @Test(arguments: StoreKind.tested) func oneLiveClaimAtATime(kind: StoreKind) async throws {
        let store = try await kind.makeStore()
        let now = clock.now()
        _ = try await store.insertCallbacks([StoreFixture.callback("100", at: now)])
        let first = try await store.claim(transactionID: "100", operatorName: "ana", now: now, lease: .seconds(60))
        guard case .claimed(let claim) = first else {
            Issue.record("expected a claim, got \(first)")
            return
        }
        let second = try await store.claim(transactionID: "100", operatorName: "ben", now: now, lease: .seconds(60))
        #expect(second == .inFlight(claim))
        #expect(
            try await store.claim(transactionID: "nope", operatorName: "ben", now: now, lease: .seconds(60))
                == .notFound)
        let replying = try #require(try await store.transaction(id: "100"))
        #expect(replying.status(now: now, window: window) == .replying)

        let attempt = try await store.beginAttempt(
            NewReplyAttempt(
                transactionID: "100", token: claim.token, operatorName: "ana", message: "ok", paid: false,
                requestBody: "apikey=***", startedAt: now,
                leaseUntil: now.addingTimeInterval(60)))
        let answer = TaggaResponse(transactionID: "100", returnCode: .success, message: "Success")
        try await store.finishAttempt(id: attempt, outcome: .answered(answer, rawBody: answer.xml), at: now)
        try await store.release(
            transactionID: "100", token: claim.token, resolution: .replied, replyMessage: "ok", at: now)

        let replied = try #require(try await store.transaction(id: "100"))
        #expect(replied.state == .replied)
        #expect(replied.replyMessage == "ok")
        #expect(replied.operatorName == "ana")
        #expect(replied.claim == nil)
        #expect(replied.lastReturnCode == 0)
        #expect(
            try await store.claim(transactionID: "100", operatorName: "ben", now: now, lease: .seconds(60))
                == .final(.replied))
        let journal = try await store.journal(transactionID: "100")
        #expect(journal.map(\.outcome) == [.answered])
        #expect(journal.first?.responseBody == answer.xml)
        try await store.close()
    }

    @Test(arguments: StoreKind.tested) func aStaleTokenCannotJournalOrRelease(kind: StoreKind) async throws {
        let store = try await kind.makeStore()
        let now = clock.now()
        _ = try await store.insertCallbacks([StoreFixture.callback("100", at: now)])
        _ = try await store.claim(transactionID: "100", operatorName: "ana", now: now, lease: .seconds(1))
        let attempt = NewReplyAttempt(
            transactionID: "100", token: "not-the-token", operatorName: "ana", message: "ok", paid: false,
            requestBody: "", startedAt: now, leaseUntil: now.addingTimeInterval(60))
        await #expect(throws: StoreError.claimLost(transactionID: "100")) {
            _ = try await store.beginAttempt(attempt)
        }
        await #expect(throws: StoreError.claimLost(transactionID: "100")) {
            try await store.release(
                transactionID: "100", token: "not-the-token", resolution: .replied, replyMessage: nil, at: now)
        }
        try await store.close()
    }

    /// A process that dies between journaling a POST and recording its outcome leaves an attempt with no outcome:
    /// after a restart the text shows as "outcome unknown", and the next claim marks that attempt abandoned.
    @Test(arguments: StoreKind.tested) func crashMidReplyIsShownAsOutcomeUnknownAfterRestart(kind: StoreKind)
        async throws
    {
        let location = try await kind.freshLocation()
        let now = clock.now()
        do {
            let store = try await location.open()
            _ = try await store.insertCallbacks([StoreFixture.callback("100", at: now)])
            guard
                case .claimed(let claim) = try await store.claim(
                    transactionID: "100", operatorName: "ana", now: now, lease: .seconds(180))
            else {
                Issue.record("no claim")
                return
            }
            _ = try await store.beginAttempt(
                NewReplyAttempt(
                    transactionID: "100", token: claim.token, operatorName: "ana", message: "ok", paid: false,
                    requestBody: "apikey=***", startedAt: now,
                    leaseUntil: now.addingTimeInterval(60)))
            // The process dies here: no outcome, no release. The store is closed only as the OS would.
            try await store.close()
        }
        let restarted = try await location.open()
        let later = now.addingTimeInterval(181)
        let transaction = try #require(try await restarted.transaction(id: "100"))
        #expect(transaction.status(now: now.addingTimeInterval(10), window: window) == .replying)
        #expect(transaction.status(now: later, window: window) == .outcomeUnknown)
        #expect(try await restarted.journal(transactionID: "100").map(\.outcome) == [nil])

        let retry = try await restarted.claim(
            transactionID: "100", operatorName: "ben", now: later, lease: .seconds(60))
        guard case .claimed = retry else {
            Issue.record("the expired claim should be taken over, got \(retry)")
            return
        }
        #expect(try await restarted.journal(transactionID: "100").map(\.outcome) == [.abandoned])
        try await restarted.close()
    }

    @Test(arguments: StoreKind.tested) func changesArePublishedInProcessAndAcrossConnections(kind: StoreKind)
        async throws
    {
        var pair = try await kind.freshLocation().watchedPair()
        _ = try await pair.writer.insertCallbacks([StoreFixture.callback("100", at: clock.now())])
        let seen = await pair.localChanges(until: .inserted(["100"]))
        #expect(seen.contains(.inserted(["100"])), "\(seen)")
        // SQLite sees that the file changed; PostgreSQL's NOTIFY says what changed.
        #expect(await pair.external.next() == (kind == .sqlite ? .external : .inserted(["100"])))
        try await pair.close()
    }

    @Test(arguments: StoreKind.tested) func statisticsCountOpenTransactionsAndRepliesByCode(kind: StoreKind)
        async throws
    {
        let store = try await kind.makeStore()
        let now = clock.now()
        _ = try await store.insertCallbacks([
            StoreFixture.callback("1", at: now), StoreFixture.callback("2", at: now),
        ])
        guard
            case .claimed(let claim) = try await store.claim(
                transactionID: "1", operatorName: "ana", now: now, lease: .seconds(60))
        else { return }
        let attempt = try await store.beginAttempt(
            NewReplyAttempt(
                transactionID: "1", token: claim.token, operatorName: "ana", message: "x", paid: false,
                requestBody: "", startedAt: now,
                leaseUntil: now.addingTimeInterval(60)))
        try await store.finishAttempt(
            id: attempt, outcome: .unknown(.transport("reset", requestWasWritten: true)), at: now)
        let statistics = try await store.statistics(now: now, window: window)
        #expect(statistics.openTransactions == 2)
        #expect(statistics.repliesByReturnCode == ["unknown": 1])
        try await store.close()
    }
}
