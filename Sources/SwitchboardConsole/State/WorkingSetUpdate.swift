import Foundation
import SwitchboardEngine

/// Keeps the console's working set, every text received since ``InboxModel/workingSince``, in two arrays ordered
/// by receipt: the texts stored open (pending or being replied to, which is all the pending view ever looks at)
/// and the closed ones. Changes are applied one row at a time (a binary search and an insert), never by reloading
/// or sorting everything; applying a row twice changes nothing.
enum WorkingSetUpdate {
    /// Replaces the working set with a snapshot of the store (the first read, and after losing track).
    static func load(_ rows: [InboxTransaction], since: Date, counts: InboxCounts?, into inbox: inout InboxModel) {
        inbox.workingSince = since
        let ordered = zip(rows, rows.dropFirst()).allSatisfy { !precedes($1, $0) } ? rows : rows.sorted(by: precedes)
        inbox.transactions = []
        inbox.closedRecent = []
        for row in ordered where row.receivedAt >= since {
            if isStoredOpen(row) { inbox.transactions.append(row) } else { inbox.closedRecent.append(row) }
        }
        inbox.storeCounts = counts ?? InboxCounts(rows: ordered)
    }

    /// Applies changed rows (each as the store has it now); returns the ids that joined the working set.
    @discardableResult
    static func apply(_ rows: [InboxTransaction], counts: InboxCounts?, into inbox: inout InboxModel) -> [String] {
        var joined: [String] = []
        for row in rows {
            if row.receivedAt < inbox.workingSince {
                if let index = inbox.archive.transactions.firstIndex(where: { $0.id == row.id }) {
                    inbox.archive.transactions[index] = row
                }
                continue
            }
            let wasThere = remove(row, from: &inbox.transactions) || remove(row, from: &inbox.closedRecent)
            if isStoredOpen(row) {
                insert(row, into: &inbox.transactions)
            } else {
                insert(row, into: &inbox.closedRecent)
            }
            if !wasThere { joined.append(row.id) }
        }
        if let counts { inbox.storeCounts = counts }
        return joined
    }

    /// Moves the start of the working set up to `start`, letting older texts go; false when it did not move.
    @discardableResult
    static func moveStart(to start: Date, in inbox: inout InboxModel) -> Bool {
        guard start > inbox.workingSince else { return false }
        inbox.workingSince = start
        let key = InboxTransaction(id: "", tagg: "", message: "", receivedAt: start)
        inbox.transactions.removeFirst(lowerBound(of: key, in: inbox.transactions))
        inbox.closedRecent.removeFirst(lowerBound(of: key, in: inbox.closedRecent))
        return true
    }

    /// Stored open: pending or being replied to, whatever the clock says (an expired text stays here until it
    /// leaves the working set; the clock decides how it is shown).
    static func isStoredOpen(_ transaction: InboxTransaction) -> Bool {
        transaction.state == .pending || transaction.state == .replying
    }

    /// The working set's order: receipt time, then id.
    static func precedes(_ a: InboxTransaction, _ b: InboxTransaction) -> Bool {
        (a.receivedAt, a.id) < (b.receivedAt, b.id)
    }

    /// The first position whose text does not precede `key`.
    static func lowerBound(of key: InboxTransaction, in rows: [InboxTransaction]) -> Int {
        var low = 0
        var high = rows.count
        while low < high {
            let middle = (low + high) / 2
            if precedes(rows[middle], key) { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Removes the row with `row`'s receipt time and id, if there is one.
    private static func remove(_ row: InboxTransaction, from rows: inout [InboxTransaction]) -> Bool {
        let index = lowerBound(of: row, in: rows)
        guard index < rows.count, rows[index].id == row.id, rows[index].receivedAt == row.receivedAt else {
            return false
        }
        rows.remove(at: index)
        return true
    }

    private static func insert(_ row: InboxTransaction, into rows: inout [InboxTransaction]) {
        // New texts are the newest: appending is the common case.
        if let last = rows.last, !precedes(row, last) {
            rows.append(row)
        } else {
            rows.insert(row, at: lowerBound(of: row, in: rows))
        }
    }
}

extension InboxCounts {
    /// The counts of a set of rows (for a console given its texts directly, as tests do).
    init(rows: [InboxTransaction]) {
        var byState: [TransactionState: Int] = [:]
        for row in rows { byState[row.state, default: 0] += 1 }
        self.init(byState: byState)
    }
}
