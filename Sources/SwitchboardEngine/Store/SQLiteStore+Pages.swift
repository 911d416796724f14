import Foundation
import GRDB

/// Pages of old texts in SQLite, newest first: keyset pagination on `(received_at, id)` (its own index), search
/// through the FTS5 trigram index in the search file (``SQLiteSearchFile``, plus a scan of the few texts the indexer
/// has not reached yet), counts from the counters where they can answer.
extension SQLiteStore {
    package func inboxPage(_ query: InboxPageQuery) async throws -> InboxPage {
        var (clauses, arguments) = Self.filter(query)
        if let after = query.after {
            clauses.append("(t.received_at, t.id) < (?, ?)")
            arguments += [after.receivedAt.timeIntervalSince1970, after.id]
        }
        let limit = max(1, query.limit)
        let parts = Self.sources(query.needle).map { source in
            (
                sql: """
                SELECT \(Self.prefixed(SQLiteRows.transactionColumns)) FROM \(source.from)
                WHERE \((source.clauses + clauses).joined(separator: " AND "))
                ORDER BY t.received_at DESC, t.id DESC LIMIT \(limit + 1)
                """,
                arguments: source.arguments + arguments
            )
        }
        var rows = try await pool.read { db in
            try parts.flatMap { part in
                try Array(Row.fetchCursor(db, sql: part.sql, arguments: part.arguments).map(SQLiteRows.transaction))
            }
        }
        if parts.count > 1 { rows.sort { ($0.receivedAt, $0.id) > ($1.receivedAt, $1.id) } }
        return InboxPage(fetched: rows, limit: limit)
    }

    package func inboxCount(_ query: InboxPageQuery) async throws -> Int {
        let (clauses, arguments) = Self.filter(query)
        let countable = query.needle == nil && query.tagg == nil
        let parts = Self.sources(query.needle).map { source in
            (
                sql: "SELECT COUNT(*) FROM \(source.from) WHERE "
                    + ((source.clauses + clauses).isEmpty
                        ? "1" : (source.clauses + clauses).joined(separator: " AND ")),
                arguments: source.arguments + arguments
            )
        }
        return try await pool.read { db in
            guard countable else {
                return try parts.reduce(0) { $0 + (try Int.fetchOne(db, sql: $1.sql, arguments: $1.arguments) ?? 0) }
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

    /// Where the texts of a query come from: the table, or for a search the index joined to it and the texts the
    /// indexer has not reached (a search too short for the index scans the table).
    private static func sources(_ needle: String?) -> [(from: String, clauses: [String], arguments: StatementArguments)]
    {
        let table = "inbound_transaction t"
        guard let needle else { return [(table, [], [])] }
        let scan = "(instr(lower(t.message), ?) > 0 OR instr(lower(t.id), ?) > 0 OR instr(lower(t.tagg), ?) > 0)"
        let scanArguments: StatementArguments = [needle, needle, needle]
        guard needle.count >= InboxPageQuery.minimumSearchLength else { return [(table, [scan], scanArguments)] }
        let horizon = SQLiteSearchFile.trustedHorizon
        return [
            // The index finds the texts; CROSS JOIN keeps SQLite from walking the table instead.
            (
                "search.text_index s CROSS JOIN inbound_transaction t ON t.rowid = s.rowid",
                // Above the horizon an entry may be a removed text's whose rowid was handed out again.
                ["text_index MATCH ?", "s.rowid <= \(horizon)"],
                ["\"" + needle.replacingOccurrences(of: "\"", with: "\"\"") + "\""]
            ),
            // Along the rowids after the horizon (a few minutes of texts): SQLite would rather walk the receipt
            // index of the whole table, newest first, looking for them.
            ("inbound_transaction t NOT INDEXED", ["t.rowid > \(horizon)", scan], scanArguments),
        ]
    }

    /// The conditions a query names besides its search.
    private static func filter(_ query: InboxPageQuery) -> (clauses: [String], StatementArguments) {
        var clauses: [String] = []
        var arguments: StatementArguments = []
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
        return (clauses, arguments)
    }

    /// `columns` (a comma-separated list) qualified with the table's alias.
    static func prefixed(_ columns: String) -> String {
        columns.split(separator: ",").map { "t." + $0.trimmingCharacters(in: .whitespaces) }.joined(separator: ", ")
    }
}
