/// A position in the order the store's inbox changes became visible. Every write to a text (its insert, a claim,
/// an attempt, an outcome, a release, a soft lock on it) moves the text to a position after every cursor handed out
/// before that write committed, so a reader that remembers the cursor of its last read and asks for the changes
/// since it gets each change at least once and never skips one.
///
/// SQLite: a counter in `store_counter`, advanced inside each write transaction (writes are serialised, so the
/// order is the commit order). PostgreSQL: the writing transaction's id (`pg_current_xact_id`), and a reader's
/// next cursor is the `xmin` of the snapshot it read with: every transaction below it had finished, so nothing
/// that commits later can fall behind it (a transaction still running is read again next time, not skipped).
package struct ChangeCursor: Sendable, Hashable, Comparable, CustomStringConvertible {
    package var position: Int64

    package init(position: Int64) { self.position = position }

    package static func < (lhs: ChangeCursor, rhs: ChangeCursor) -> Bool { lhs.position < rhs.position }

    package var description: String { "\(position)" }
}

/// One read of the inbox a console follows: texts, the cursor to read changes from next time, and the store's counts,
/// all of one snapshot. ``Store/inboxSnapshot(receivedSince:)`` gives every text received since a time, oldest
/// receipt first; ``Store/inboxChanges(since:receivedSince:)`` the texts changed since a cursor, in no particular
/// order, each as it is now. A text may come again in a later read (PostgreSQL re-reads what a transaction still
/// running might touch): applying a row twice changes nothing.
package struct InboxRead: Sendable {
    package var transactions: [InboxTransaction]
    package var cursor: ChangeCursor
    package var counts: InboxCounts

    package init(transactions: [InboxTransaction], cursor: ChangeCursor, counts: InboxCounts) {
        self.transactions = transactions
        self.cursor = cursor
        self.counts = counts
    }
}
