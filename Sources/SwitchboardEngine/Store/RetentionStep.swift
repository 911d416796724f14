/// What one retention batch did: the rows it removed, and how long its write took.
package struct RetentionStep: Sendable, Hashable {
    package var removed: RetentionTally
    /// SQLite: from asking for the write lock to the commit, the wait for the lock included (an export, written
    /// before, is not). PostgreSQL: the batch's whole transaction, which locks only its own rows.
    package var held: Duration

    package init(removed: RetentionTally = RetentionTally(), held: Duration = .zero) {
        self.removed = removed
        self.held = held
    }
}
