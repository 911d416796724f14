/// How many texts the store holds in each stored state: counters kept in the same transaction as the rows they
/// count (triggers), so reading them costs the same with ten texts or ten million.
package struct InboxCounts: Sendable, Hashable {
    package var byState: [TransactionState: Int]

    package init(byState: [TransactionState: Int] = [:]) { self.byState = byState }

    package subscript(state: TransactionState) -> Int { byState[state] ?? 0 }

    /// Every stored text.
    package var total: Int { byState.values.reduce(0, +) }

    /// Stored with an open state (pending or being replied to), whether or not their window has passed.
    package var storedOpen: Int { self[.pending] + self[.replying] }

    /// Reads `state:<name>` counters (unknown names are ignored).
    package init(counters: [(name: String, value: Int)]) {
        var byState: [TransactionState: Int] = [:]
        for (name, value) in counters where name.hasPrefix("state:") {
            if let state = TransactionState(rawValue: String(name.dropFirst(6))) { byState[state] = value }
        }
        self.byState = byState
    }
}
