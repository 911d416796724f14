import Foundation
import SwitchboardTestSupport
import Testing

@testable import SwitchboardConsole
@testable import SwitchboardEngine

/// The working set, kept up to date one changed row at a time, is exactly what a full reload of the store would
/// give: over random sequences of arrivals, claims, outcomes and closes, with rows read twice (PostgreSQL's
/// cursor re-reads) and in any order, under every filter.
@Suite struct WorkingSetPropertyTests {
    let now = ConsoleFixture.now
    let window = ReplyWindow()

    private func following(_ rows: [InboxTransaction], since: Date) -> ConsoleState {
        var state = ConsoleState(window: window, now: now, width: 120, height: 40)
        let read = InboxRead(
            transactions: rows.filter { $0.receivedAt >= since }.sorted(by: WorkingSetUpdate.precedes),
            cursor: ChangeCursor(position: 0), counts: InboxCounts(rows: rows))
        _ = ConsoleUpdate.update(&state, .inboxFollowed(read, since: since))
        return state
    }

    @Test(arguments: 1...40) func incrementalChangesEqualAFullReload(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        let since = WorkingSetSpan.start(now: now, window: window)
        var store: [String: InboxTransaction] = [:]
        var next = 0
        func arrive() -> InboxTransaction {
            next += 1
            // Mostly inside the working set, some older (they must be left out), some at the same instant.
            let age = [Double.random(in: 0...2_100, using: &random), 3_000, 60].randomElement(using: &random)!
            return InboxTransaction(
                id: "t\(next)", tagg: ["HELP", "PIZZA"].randomElement(using: &random)!, message: "text \(next)",
                receivedAt: now.addingTimeInterval(-age.rounded()))
        }
        for _ in 0..<20 {
            let text = arrive()
            store[text.id] = text
        }
        var state = following(Array(store.values), since: since)
        for _ in 0..<60 {
            var changed: [InboxTransaction] = []
            for _ in 0..<Int.random(in: 1...6, using: &random) {
                if Bool.random(using: &random) || store.isEmpty {
                    let text = arrive()
                    store[text.id] = text
                    changed.append(text)
                } else {
                    var text = store.values.sorted { $0.id < $1.id }.randomElement(using: &random)!
                    text.state = TransactionState.allCases.randomElement(using: &random)!
                    text.lastReturnCode = Int.random(in: 0...20, using: &random)
                    text.attemptCount += 1
                    store[text.id] = text
                    changed.append(text)
                }
            }
            // A read returns each row as it is now (a row changed twice comes once, at its last version), plus
            // rows read again that did not change, in any order.
            changed = Dictionary(changed.map { ($0.id, store[$0.id]!) }, uniquingKeysWith: { a, _ in a }).map(\.value)
            changed += store.values.sorted { $0.id < $1.id }.prefix(2)
            changed.shuffle(using: &random)
            let counts = InboxCounts(rows: Array(store.values))
            _ = ConsoleUpdate.update(
                &state,
                .inboxChanged(InboxRead(transactions: changed, cursor: ChangeCursor(position: 0), counts: counts)))
            let reloaded = following(Array(store.values), since: since)
            #expect(state.inbox.transactions == reloaded.inbox.transactions)
            #expect(state.inbox.closedRecent == reloaded.inbox.closedRecent)
            for filter in InboxFilter.allCases {
                var a = state
                var b = reloaded
                a.inbox.filter = filter
                b.inbox.filter = filter
                #expect(a.visible.map(\.id) == b.visible.map(\.id), "\(filter)")
                let (ca, cb) = (InboxSnapshot(a).counts, InboxSnapshot(b).counts)
                #expect(ca.open == cb.open && ca.expiring == cb.expiring && ca.closed == cb.closed)
            }
        }
        // Moving the start up drops exactly what a reload from there would not have.
        let later = since.addingTimeInterval(600)
        WorkingSetUpdate.moveStart(to: later, in: &state.inbox)
        let reloaded = following(Array(store.values), since: later)
        #expect(
            state.inbox.transactions == reloaded.inbox.transactions
                && state.inbox.closedRecent == reloaded.inbox.closedRecent)
    }

    @Test func pagedListsAreNewestFirstAndAskForOlderPages() {
        var state = following(ConsoleFixture.inbox, since: WorkingSetSpan.start(now: now, window: window))
        var effects = ConsoleFixture.apply([.key(.character("f")), .key(.character("f"))], to: &state)
        #expect(state.inbox.filter == .replied)
        let query = InboxPageQuery(
            states: [.replied], receivedBefore: WorkingSetSpan.start(now: now, window: window),
            limit: InboxArchiveUpdate.pageSize)
        #expect(effects.contains(.loadArchivePage(query)) && effects.contains(.countArchive(query)))
        let old = (0..<150).map {
            ConsoleFixture.transaction("old\($0)", "HELP", "old", minutesAgo: 600 + Double($0), state: .replied)
        }
        let page = InboxPage(
            transactions: Array(old.prefix(100)), next: InboxPageKey(receivedAt: old[99].receivedAt, id: "old99"))
        ConsoleFixture.apply([.archivePageLoaded(query, page), .archiveCounted(query, 150)], to: &state)
        #expect(state.visible.map(\.id).prefix(3) == ["105", "old0", "old1"], "the working set's first")
        #expect(ConsoleRenderer.render(state).lines[1].hasSuffix(" of 151 "))
        // Scrolling near the end of what is loaded asks for the next page, once.
        effects = ConsoleFixture.apply([.key(.end)], to: &state)
        var more = query
        more.after = page.next
        #expect(effects.contains(.loadArchivePage(more)))
        #expect(!ConsoleFixture.apply([.key(.up)], to: &state).contains(.loadArchivePage(more)))
        ConsoleFixture.apply(
            [.archivePageLoaded(more, InboxPage(transactions: Array(old.suffix(50)), next: nil))], to: &state)
        #expect(state.visible.count == 151 && state.inbox.archive.isComplete)
        // A page for a list no longer shown is dropped.
        ConsoleFixture.apply([.key(.character("f"))], to: &state)
        ConsoleFixture.apply([.archivePageLoaded(more, InboxPage(transactions: old, next: nil))], to: &state)
        #expect(state.inbox.filter == .closed && state.inbox.archive.transactions.isEmpty)
    }
}
