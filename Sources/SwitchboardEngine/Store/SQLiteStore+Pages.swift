import Foundation
import GRDB

/// Pages of old texts in SQLite, newest first: keyset pagination on `(received_at, id)` (its own index), search
/// through the FTS5 trigram index `inbound_search`, counts from the counters where they can answer.
extension SQLiteStore {
    package func inboxPage(_ query: InboxPageQuery) async throws -> InboxPage {
        var (from, clauses, arguments) = Self.filter(query)
        if let after = query.after {
            clauses.append("(t.received_at, t.id) < (?, ?)")
            arguments += [after.receivedAt.timeIntervalSince1970, after.id]
        }
        let limit = max(1, query.limit)
        let sql = """
            SELECT \(Self.prefixed(SQLiteRows.transactionColumns)) FROM \(from)
            \(clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND "))
            ORDER BY t.received_at DESC, t.id DESC LIMIT \(limit + 1)
            """
        let bound = arguments
        var rows = try await pool.read { db in
            try Array(Row.fetchCursor(db, sql: sql, arguments: bound).map(SQLiteRows.transaction))
        }
        let more = rows.count > limit
        if more { rows.removeLast() }
        let next = more ? rows.last.map { InboxPageKey(receivedAt: $0.receivedAt, id: $0.id) } : nil
        return InboxPage(transactions: rows, next: next)
    }

    package func inboxCount(_ query: InboxPageQuery) async throws -> Int {
        let (from, clauses, arguments) = Self.filter(query)
        let countable = query.needle == nil && query.tagg == nil
        let bound = arguments
        return try await pool.read { db in
            guard countable else {
                let sql =
                    "SELECT COUNT(*) FROM \(from) WHERE " + (clauses.isEmpty ? "1" : clauses.joined(separator: " AND "))
                return try Int.fetchOne(db, sql: sql, arguments: bound) ?? 0
            }
            // The counters hold every stored text by state; take off the newer ones (a range of the receipt
            // index the size of a console's working set).
            let counts = try SQLiteChanges.counts(db)
            let states = query.states ?? Set(TransactionState.allCases)
            var total = states.reduce(0) { $0 + counts[$1] }
            if let before = query.receivedBefore {
                let names = states.map(\.rawValue).sorted()
                let newer =
                    try Int.fetchOne(
                        db,
                        sql: """
                            SELECT COUNT(*) FROM inbound_transaction WHERE received_at >= ?
                            AND state IN (\(names.map { _ in "?" }.joined(separator: ",")))
                            """,
                        arguments: StatementArguments([before.timeIntervalSince1970] + names)) ?? 0
                total -= newer
            }
            return max(0, total)
        }
    }

    /// The table (or the search joined to it) and the conditions a query names.
    private static func filter(_ query: InboxPageQuery) -> (from: String, clauses: [String], StatementArguments) {
        var from = "inbound_transaction t"
        var clauses: [String] = []
        var arguments: StatementArguments = []
        if let needle = query.needle {
            if needle.count >= InboxPageQuery.minimumSearchLength {
                // The index finds the texts; CROSS JOIN keeps SQLite from walking the table instead.
                from = "inbound_search s CROSS JOIN inbound_transaction t ON t.rowid = s.rowid"
                clauses.append("inbound_search MATCH ?")
                arguments += ["\"" + needle.replacingOccurrences(of: "\"", with: "\"\"") + "\""]
            } else {
                // Too short for the trigram index: a scan (newest first, so a first page still comes quickly).
                clauses.append(
                    "(instr(lower(t.message), ?) > 0 OR instr(lower(t.id), ?) > 0 OR instr(lower(t.tagg), ?) > 0)")
                arguments += [needle, needle, needle]
            }
        }
        if let states = query.states {
            let names = states.map(\.rawValue).sorted()
            clauses.append("t.state IN (\(names.map { _ in "?" }.joined(separator: ",")))")
            for name in names { arguments += [name] }
        }
        if let tagg = query.tagg {
            clauses.append("t.tagg = ? COLLATE NOCASE")
            arguments += [tagg]
        }
        if let before = query.receivedBefore {
            clauses.append("t.received_at < ?")
            arguments += [before.timeIntervalSince1970]
        }
        return (from, clauses, arguments)
    }

    /// `columns` (a comma-separated list) qualified with the table's alias.
    static func prefixed(_ columns: String) -> String {
        columns.split(separator: ",").map { "t." + $0.trimmingCharacters(in: .whitespaces) }.joined(separator: ", ")
    }
}
