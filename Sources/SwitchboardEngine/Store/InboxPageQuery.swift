import Foundation

/// One page of stored texts, newest receipt first, read with keyset pagination (never `OFFSET`): the "all",
/// "replied" and "closed" lists and search, however old.
package struct InboxPageQuery: Sendable, Hashable {
    /// Only these stored states (nil: all).
    package var states: Set<TransactionState>?
    /// Only this tagg (case-insensitive).
    package var tagg: String?
    /// Only texts whose message, id or tagg contains this (case-insensitive; at least
    /// ``InboxPageQuery/minimumSearchLength`` characters, so the index can answer it).
    package var search: String?
    /// Only texts received before this (a console holds the newer ones itself).
    package var receivedBefore: Date?
    /// Where the previous page ended (nil: from the newest).
    package var after: InboxPageKey?
    package var limit: Int

    /// The shortest search the full-text index answers (SQLite's trigram tokenizer and PostgreSQL's `pg_trgm` both
    /// index three-character pieces).
    package static let minimumSearchLength = 3

    package init(
        states: Set<TransactionState>? = nil, tagg: String? = nil, search: String? = nil, receivedBefore: Date? = nil,
        after: InboxPageKey? = nil, limit: Int = 100
    ) {
        self.states = states
        self.tagg = tagg
        self.search = search
        self.receivedBefore = receivedBefore
        self.after = after
        self.limit = limit
    }

    /// The search as the index is asked it: lower-cased, nil when empty.
    package var needle: String? {
        guard let search, !search.isEmpty else { return nil }
        return search.lowercased()
    }
}

/// Where a page ended: the last row's receipt time and id (the order is receipt time, then id, both descending).
package struct InboxPageKey: Sendable, Hashable {
    package var receivedAt: Date
    package var id: String

    package init(receivedAt: Date, id: String) {
        self.receivedAt = receivedAt
        self.id = id
    }
}

/// A page of texts and where the next one starts (nil: this was the last).
package struct InboxPage: Sendable {
    package var transactions: [InboxTransaction]
    package var next: InboxPageKey?

    package init(transactions: [InboxTransaction], next: InboxPageKey?) {
        self.transactions = transactions
        self.next = next
    }

    /// The page from rows read with one more than `limit` asked for: the extra row says there is a next page.
    package init(fetched rows: [InboxTransaction], limit: Int) {
        let more = rows.count > limit
        let page = Array(rows.prefix(limit))
        self.init(
            transactions: page, next: more ? page.last.map { InboxPageKey(receivedAt: $0.receivedAt, id: $0.id) } : nil)
    }
}
