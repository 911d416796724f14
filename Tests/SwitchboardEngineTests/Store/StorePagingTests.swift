import Foundation
import Testing

@testable import SwitchboardEngine

/// Pages of old texts, newest first, with keyset pagination, search through the index, and counts.
@Suite struct StorePagingTests {
    let clock = ManualWallClock()

    /// Texts 60 days, 10 days, 1 day and 1 minute old, some replied.
    private func fill(_ store: any Store) async throws -> Date {
        let now = clock.now()
        let day: TimeInterval = 86_400
        let ages: [(String, TimeInterval, String)] = [
            ("d60", 60 * day, "The parcel with the blue umbrella never came"),
            ("d10a", 10 * day, "Where is my order?"),
            ("d10b", 10 * day, "Do you deliver on Sundays?"),
            ("d1", day, "My ORDER was cold"),
            ("m1", 60, "Hello there"),
        ]
        _ = try await store.insertCallbacks(
            ages.map { StoreFixture.callback($0.0, message: $0.2, at: now.addingTimeInterval(-$0.1)) })
        for id in ["d10a", "d1"] {
            guard
                case .claimed(let claim) = try await store.claim(
                    transactionID: id, operatorName: "ana", now: now, lease: .seconds(60))
            else { throw StoreTestFailure("no claim on \(id)") }
            try await store.release(
                transactionID: id, token: claim.token, resolution: .replied, replyMessage: "ok", at: now)
        }
        return now
    }

    @Test(arguments: StoreKind.tested) func pagesGoNewestFirstAndReachTheOldest(kind: StoreKind) async throws {
        let store = try await kind.makeStore()
        let now = try await fill(store)
        var query = InboxPageQuery(receivedBefore: now.addingTimeInterval(-3600), limit: 2)
        var ids: [String] = []
        var pages = 0
        while true {
            let page = try await store.inboxPage(query)
            ids += page.transactions.map(\.id)
            pages += 1
            guard let next = page.next else { break }
            query.after = next
        }
        #expect(ids == ["d1", "d10b", "d10a", "d60"], "newest first, ties by id descending, the newest one left out")
        #expect(pages == 2)
        #expect(try await store.inboxCount(InboxPageQuery(receivedBefore: now.addingTimeInterval(-3600))) == 4)
        #expect(try await store.inboxCount(InboxPageQuery()) == 5)
        let replied = InboxPageQuery(states: [.replied], receivedBefore: now.addingTimeInterval(-3600))
        #expect(try await store.inboxPage(replied).transactions.map(\.id) == ["d1", "d10a"])
        #expect(try await store.inboxCount(replied) == 2)
        let notReplied = InboxPageQuery(states: Set(TransactionState.allCases).subtracting([.replied]))
        #expect(try await store.inboxCount(notReplied) == 3)
        try await store.close()
    }

    @Test(arguments: StoreKind.tested, [false, true])
    func searchFindsAnyPieceOfAnyAge(kind: StoreKind, indexed: Bool) async throws {
        let store = try await kind.makeStore()
        let now = try await fill(store)
        if indexed {
            // What the receiver's indexer does after the commits (texts not indexed yet are scanned instead).
            var total = 0
            while case let added = try await store.indexForSearch(receivedBefore: now.addingTimeInterval(1), limit: 2),
                added > 0
            {
                total += added
            }
            #expect(total == 5)
            #expect(try await store.indexForSearch(receivedBefore: now.addingTimeInterval(1), limit: 2) == 0)
        }
        let umbrella = InboxPageQuery(search: "BLUE umbr")
        #expect(try await store.inboxPage(umbrella).transactions.map(\.id) == ["d60"])
        #expect(try await store.inboxCount(umbrella) == 1)
        let order = InboxPageQuery(search: "order")
        #expect(try await store.inboxPage(order).transactions.map(\.id) == ["d1", "d10a"], "any case")
        #expect(try await store.inboxCount(order) == 2)
        #expect(try await store.inboxPage(InboxPageQuery(search: "d10")).transactions.map(\.id) == ["d10b", "d10a"])
        let repliedOrders = InboxPageQuery(
            states: [.replied], search: "order", receivedBefore: now.addingTimeInterval(-2 * 86_400))
        #expect(try await store.inboxPage(repliedOrders).transactions.map(\.id) == ["d10a"])
        #expect(try await store.inboxCount(repliedOrders) == 1)
        #expect(try await store.inboxPage(InboxPageQuery(search: "100%_")).transactions.isEmpty, "wildcards are text")
        #expect(try await store.inboxPage(InboxPageQuery(search: "\"quoted\"")).transactions.isEmpty)
        // Shorter than the index takes: still answered (by a scan).
        #expect(try await store.inboxPage(InboxPageQuery(search: "m1")).transactions.map(\.id) == ["m1"])
        try await store.close()
    }
}
