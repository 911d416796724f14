import Foundation
import Testing

@testable import SwitchboardEngine

/// Retention on every store: what goes (closed texts with their journals, raw requests and soft locks; finished and
/// cancelled campaigns with their recipients), what never does (open texts, claims in flight, anything newer than
/// the date, running campaigns), batches, dry runs and exports.
@Suite struct StoreRetentionTests {
    let clock = ManualWallClock()
    let window = Duration.seconds(1800)
    let day = RetentionFixture.day

    private func runner(_ store: any Store, batch: Int = 500) -> RetentionRunner {
        var settings = RetentionRunner.Settings()
        settings.batchSize = batch
        settings.batchTarget = nil
        settings.pause = .zero
        return RetentionRunner(store: store, clock: clock, window: window, settings: settings)
    }

    /// Old texts in every state, a recent expired one and an open one.
    private func seedTexts(_ store: any Store) async throws {
        let now = clock.now()
        let old = now.addingTimeInterval(-100 * day)
        try await RetentionFixture.answered(
            store, "old-replied", receivedAt: old, answeredAt: old.addingTimeInterval(60))
        try await RetentionFixture.answered(
            store, "old-rejected", receivedAt: old, answeredAt: old.addingTimeInterval(60), code: .invalidRecipient)
        try await RetentionFixture.answered(
            store, "old-expired", receivedAt: old, answeredAt: old.addingTimeInterval(60), code: .transactionTimeout)
        _ = try await store.insertCallbacks([StoreFixture.callback("old-pending", at: old)])
        // A claim in flight, and one whose holder died long ago: both `replying`, both kept.
        try await RetentionFixture.claimed(store, "old-replying", receivedAt: old, claimedAt: now)
        try await RetentionFixture.claimed(store, "old-replying-dead", receivedAt: old, claimedAt: old)
        _ = try await store.insertCallbacks([
            StoreFixture.callback("recent-expired", at: now.addingTimeInterval(-2 * 3600)),
            StoreFixture.callback("open", at: now.addingTimeInterval(-60)),
        ])
        for (console, id) in [("c1", "old-replied"), ("c2", "old-pending"), ("c3", "open")] {
            try await store.markComposing(
                consoleID: console, transactionID: id, operatorName: "ana", now: now, ttl: .seconds(60))
        }
    }

    @Test(arguments: StoreKind.tested) func removesOldClosedTextsWithTheirRowsAndNothingElse(kind: StoreKind)
        async throws
    {
        let store = try await kind.makeStore()
        try await seedTexts(store)
        let now = clock.now()
        _ = try await store.indexForSearch(receivedBefore: now, limit: 100)
        let report = try await runner(store).run(before: now.addingTimeInterval(-90 * day))
        #expect(try await store.unindexRemoved(limit: 100) == 0, "the run took the removed texts out of the index")
        #expect(
            report.removed
                == RetentionTally(texts: 4, attempts: 3, rawRequests: 4, composingMarks: 2, campaigns: 0, recipients: 0)
        )
        #expect(
            try await RetentionFixture.ids(store) == ["old-replying", "old-replying-dead", "recent-expired", "open"])
        for gone in ["old-replied", "old-rejected", "old-expired", "old-pending"] {
            #expect(try await store.journal(transactionID: gone).isEmpty)
            #expect(try await store.rawCallback(transactionID: gone) == nil)
        }
        #expect(try await store.composingMarks(now: now).map(\.transactionID) == ["open"])
        for kept in ["old-replying", "recent-expired", "open"] {
            #expect(try await store.rawCallback(transactionID: kept) != nil)
        }
        #expect(try await store.transaction(id: "old-replying")?.claim != nil, "the claim in flight is untouched")
        try await store.close()
    }

    @Test(arguments: StoreKind.tested) func neverAnOpenTextNorAClaimWhateverTheDate(kind: StoreKind) async throws {
        let store = try await kind.makeStore()
        try await seedTexts(store)
        let now = clock.now()
        let report = try await runner(store).run(before: now.addingTimeInterval(day))
        #expect(report.removed.texts == 5, "the recent expired text goes once the date is after it")
        #expect(try await RetentionFixture.ids(store) == ["old-replying", "old-replying-dead", "open"])
        // A pending text whose window closes a second from now stays; once it has closed, it goes.
        _ = try await store.insertCallbacks([
            StoreFixture.callback("closing", at: now.addingTimeInterval(-window.timeInterval + 1))
        ])
        #expect(try await runner(store).run(before: now.addingTimeInterval(day)).removed.texts == 0)
        clock.advance(by: .seconds(1))
        #expect(try await runner(store).run(before: now.addingTimeInterval(day)).removed.texts == 1)
        #expect(try await RetentionFixture.ids(store) == ["old-replying", "old-replying-dead", "open"])
        try await store.close()
    }

    @Test(arguments: StoreKind.tested) func campaignsGoWhenFinishedOrCancelledAndNobodyRunsThem(kind: StoreKind)
        async throws
    {
        let store = try await kind.makeStore()
        let now = clock.now()
        let old = now.addingTimeInterval(-100 * day)
        try await RetentionFixture.campaign(store, "c-finished", createdAt: old, state: .finished, recipients: 3)
        try await RetentionFixture.campaign(store, "c-cancelled", createdAt: old, state: .cancelled, recipients: 2)
        try await RetentionFixture.campaign(store, "c-running", createdAt: old, state: .running, recipients: 2)
        try await RetentionFixture.campaign(store, "c-paused", createdAt: old, state: .paused, recipients: 1)
        try await RetentionFixture.campaign(
            store, "c-recent", createdAt: now.addingTimeInterval(-day), state: .finished, recipients: 1)
        let before = now.addingTimeInterval(-90 * day)
        #expect(try await runner(store).count(before: before) == RetentionTally(campaigns: 2, recipients: 5))
        let report = try await runner(store).run(before: before)
        #expect(report.removed == RetentionTally(campaigns: 2, recipients: 5))
        #expect(Set(try await store.campaigns(limit: 10).map(\.id)) == ["c-running", "c-paused", "c-recent"])
        for gone in ["c-finished", "c-cancelled"] {
            #expect(try await store.campaignRecipients(id: gone, states: nil, afterPosition: -1, limit: 10).isEmpty)
        }
        #expect(try await store.campaignTally(id: "c-running")[.queued] == 2)
        try await store.close()
    }

    /// A campaign being removed is held like a runner holds it: no runner resumes it and no other retention run
    /// takes it half way, until its lease lapses.
    @Test(arguments: StoreKind.tested) func aCampaignBeingRemovedIsHeld(kind: StoreKind) async throws {
        let store = try await kind.makeStore()
        let now = clock.now()
        try await RetentionFixture.campaign(
            store, "c1", createdAt: now.addingTimeInterval(-100 * day), state: .finished, recipients: 3)
        let rule = RetentionRule(before: now.addingTimeInterval(-90 * day), now: now, window: window)
        let first = try await store.removeCampaigns(rule, limit: 1, holder: "a", lease: .seconds(60), export: nil)
        #expect(first.removed == RetentionTally(recipients: 1))
        #expect(
            try await store.acquireCampaign(id: "c1", runnerToken: "r", now: now, lease: .seconds(30), replacing: nil)
                == .heldElsewhere(until: now.addingTimeInterval(60)))
        #expect(
            try await store.removeCampaigns(rule, limit: 5, holder: "b", lease: .seconds(60), export: nil).removed
                .isEmpty)
        #expect(try await store.retentionTally(rule) == RetentionTally(), "a live lease keeps it out of a dry run")
        let rest = try await store.removeCampaigns(rule, limit: 5, holder: "a", lease: .seconds(60), export: nil)
        #expect(rest.removed == RetentionTally(campaigns: 1, recipients: 2))
        #expect(try await store.campaign(id: "c1") == nil)
        try await store.close()
    }

    @Test(arguments: StoreKind.tested) func aBatchLimitSmallerThanTheSetTakesSeveralBatches(kind: StoreKind)
        async throws
    {
        let store = try await kind.makeStore()
        let now = clock.now()
        let old = now.addingTimeInterval(-100 * day)
        for index in 0..<7 {
            try await RetentionFixture.answered(
                store, "t\(index)", receivedAt: old.addingTimeInterval(Double(index)), answeredAt: old)
        }
        try await RetentionFixture.campaign(store, "c1", createdAt: old, state: .finished, recipients: 7)
        let rule = RetentionRule(before: now.addingTimeInterval(-90 * day), now: now, window: window)
        let one = try await store.removeTexts(rule, limit: 3, export: nil)
        #expect(one.removed == RetentionTally(texts: 3, attempts: 3, rawRequests: 3))
        #expect(try await RetentionFixture.ids(store) == ["t3", "t4", "t5", "t6"], "oldest first")
        let report = try await runner(store, batch: 3).run(before: rule.before)
        #expect(report.removed == RetentionTally(texts: 4, attempts: 4, rawRequests: 4, campaigns: 1, recipients: 7))
        #expect(report.batches == 2 + 3, "4 texts in batches of 3, then 7 recipients in batches of 3")
        #expect(try await store.count() == 0)
        #expect(try await store.campaigns(limit: 10).isEmpty)
        try await store.close()
    }

    @Test(arguments: StoreKind.tested) func aDryRunCountsWhatARunRemovesAndRemovesNothing(kind: StoreKind)
        async throws
    {
        let store = try await kind.makeStore()
        try await seedTexts(store)
        let now = clock.now()
        try await RetentionFixture.campaign(
            store, "c1", createdAt: now.addingTimeInterval(-100 * day), state: .cancelled, recipients: 4)
        let before = now.addingTimeInterval(-90 * day)
        let counted = try await runner(store).count(before: before)
        #expect(
            counted
                == RetentionTally(texts: 4, attempts: 3, rawRequests: 4, composingMarks: 2, campaigns: 1, recipients: 4)
        )
        #expect(try await store.count() == 8, "nothing removed")
        #expect(try await store.campaign(id: "c1") != nil)
        #expect(try await runner(store).run(before: before).removed == counted)
        try await store.close()
    }

    @Test(arguments: StoreKind.tested) func theExportReceivesExactlyWhatIsRemoved(kind: StoreKind) async throws {
        let store = try await kind.makeStore()
        try await seedTexts(store)
        let now = clock.now()
        let old = now.addingTimeInterval(-100 * day)
        try await RetentionFixture.campaign(store, "c1", createdAt: old, state: .finished, recipients: 3)
        let before = now.addingTimeInterval(-90 * day)
        var expected: [String: RetainedText] = [:]
        for transaction in try await store.transactions(.all) {
            expected[transaction.id] = RetainedText(
                transaction: transaction, journal: try await store.journal(transactionID: transaction.id))
        }
        let recipients = try await store.campaignRecipients(id: "c1", states: nil, afterPosition: -1, limit: 10)
        let campaign = try #require(try await store.campaign(id: "c1"))
        let export = CollectingExporter()
        let report = try await runner(store, batch: 2).run(before: before, export: export)
        let exported = export.batches
        let texts = exported.flatMap(\.texts)
        #expect(texts.count == report.removed.texts)
        #expect(Set(texts.map(\.transaction.id)) == ["old-replied", "old-rejected", "old-expired", "old-pending"])
        for text in texts { #expect(text == expected[text.transaction.id]) }
        #expect(texts.flatMap(\.journal).count == report.removed.attempts)
        #expect(exported.flatMap(\.recipients) == recipients)
        #expect(exported.flatMap(\.campaigns).map(\.id) == [campaign.id])
        #expect(exported.flatMap(\.campaigns).first?.state == .finished)
        #expect(exported.last?.campaigns.count == 1, "the campaign comes with its last recipients")
        try await store.close()
    }

    /// A text claimed between a batch's read and its deletion (SQLite reads and exports outside the write lock;
    /// PostgreSQL has the row locked, and the claim waits) is kept, and so is the export exact.
    @Test func aTextClaimedWhileItsBatchIsExportedStaysAndIsNotExported() async throws {
        let store = try await StoreKind.sqlite.makeStore()
        try await seedTexts(store)
        let now = clock.now()
        let export = CollectingExporter { write in
            guard write == 1 else { return }
            _ = try await store.claim(transactionID: "old-pending", operatorName: "ben", now: now, lease: .seconds(60))
        }
        let report = try await runner(store).run(before: now.addingTimeInterval(-90 * day), export: export)
        #expect(report.removed.texts == 3)
        #expect(
            Set(export.batches.flatMap(\.texts).map(\.transaction.id)) == [
                "old-replied", "old-rejected", "old-expired",
            ])
        #expect(try await store.transaction(id: "old-pending")?.state == .replying)
        try await store.close()
    }

    @Test(arguments: StoreKind.tested) func aBatchWhoseExportFailsIsNotRemoved(kind: StoreKind) async throws {
        let store = try await kind.makeStore()
        try await seedTexts(store)
        let before = clock.now().addingTimeInterval(-90 * day)
        let export = CollectingExporter(failingWrite: 2)
        await #expect(throws: RetentionFailure.self) {
            _ = try await runner(store, batch: 2).run(before: before, export: export)
        }
        #expect(export.batches.flatMap(\.texts).count == 2)
        #expect(try await store.count() == 6, "the first batch of 2 went, the second stayed")
        try await store.close()
    }
}
