import Foundation
import PostgresNIO

/// Pages of old texts in PostgreSQL, newest first: keyset pagination on `(received_at, id)`, search through the
/// `pg_trgm` index, counts from the counters where they can answer.
extension PostgresStore {
    package func inboxPage(_ query: InboxPageQuery) async throws -> InboxPage {
        var (clauses, binds) = Self.filter(query)
        if let after = query.after {
            binds.append(after.receivedAt.timeIntervalSince1970)
            binds.append(after.id)
            clauses.append("(received_at, id) < ($\(binds.count - 1), $\(binds.count))")
        }
        let limit = max(1, query.limit)
        let sql = """
            SELECT \(PostgresRows.transactionColumns) FROM inbound_transaction
            \(clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND "))
            ORDER BY received_at DESC, id DESC LIMIT \(limit + 1)
            """
        let statement = PostgresQuery(unsafeSQL: sql, binds: binds)
        var rows = try await read { [self] connection in
            try await connection.query(statement, logger: logger).map(PostgresRows.transaction)
        }
        let more = rows.count > limit
        if more { rows.removeLast() }
        let next = more ? rows.last.map { InboxPageKey(receivedAt: $0.receivedAt, id: $0.id) } : nil
        return InboxPage(transactions: rows, next: next)
    }

    package func inboxCount(_ query: InboxPageQuery) async throws -> Int {
        let (clauses, binds) = Self.filter(query)
        guard query.needle == nil, query.tagg == nil else {
            let sql =
                "SELECT COUNT(*) FROM inbound_transaction WHERE "
                + (clauses.isEmpty ? "true" : clauses.joined(separator: " AND "))
            let statement = PostgresQuery(unsafeSQL: sql, binds: binds)
            return try await read(timeout: timeouts.bulk) { [self] connection in
                try await connection.query(statement, logger: logger).first { try $0.decode(Int.self) } ?? 0
            }
        }
        let states = (query.states ?? Set(TransactionState.allCases)).map(\.rawValue).sorted()
        let before = query.receivedBefore?.timeIntervalSince1970
        return try await snapshotRead { [self] connection, _ in
            // The counters hold every stored text by state; take off the newer ones (a range of the receipt index
            // the size of a console's working set).
            let counts = try await Self.counts(connection, logger: logger)
            var total = states.compactMap(TransactionState.init(rawValue:)).reduce(0) { $0 + counts[$1] }
            if let before {
                total -=
                    try await connection.query(
                        """
                        SELECT COUNT(*) FROM inbound_transaction
                        WHERE received_at >= \(before) AND state = ANY(\(states))
                        """, logger: logger
                    ).first { try $0.decode(Int.self) } ?? 0
            }
            return max(0, total)
        }
    }

    /// The `pg_trgm` index is written with each row: nothing to catch up.
    package func indexForSearch(receivedBefore: Date, limit: Int) async throws -> Int { 0 }

    /// The conditions a query names, with their values.
    private static func filter(_ query: InboxPageQuery) -> ([String], PostgresBindings) {
        var clauses: [String] = []
        var binds = PostgresBindings()
        if let needle = query.needle {
            let escaped = needle.replacingOccurrences(of: "\\", with: "\\\\")
                .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
            binds.append("%" + escaped + "%")
            clauses.append("\(PostgresScaleSchema.searchExpression) LIKE $\(binds.count)")
        }
        if let states = query.states {
            binds.append(states.map(\.rawValue).sorted())
            clauses.append("state = ANY($\(binds.count))")
        }
        if let tagg = query.tagg {
            binds.append(tagg.lowercased())
            clauses.append("lower(tagg) = $\(binds.count)")
        }
        if let before = query.receivedBefore {
            binds.append(before.timeIntervalSince1970)
            clauses.append("received_at < $\(binds.count)")
        }
        return (clauses, binds)
    }
}
