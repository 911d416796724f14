import Foundation
import PostgresNIO

/// Pages of old texts in PostgreSQL, newest first: keyset pagination on `(received_at, id)`, search through
/// `inbound_search`'s `pg_trgm` index (plus a scan of the few texts the indexer has not reached yet), counts from
/// the counters where they can answer.
extension PostgresStore {
    package func inboxPage(_ query: InboxPageQuery) async throws -> InboxPage {
        var (clauses, binds) = Self.filter(query)
        if let after = query.after {
            binds.append(after.receivedAt.timeIntervalSince1970)
            binds.append(after.id)
            clauses.append("(received_at, id) < ($\(binds.count - 1), $\(binds.count))")
        }
        let limit = max(1, query.limit)
        let parts = Self.sources(query.needle, &binds).map { source in
            """
            (SELECT \(PostgresRows.transactionColumns) FROM inbound_transaction
            \(Self.whereClause(source + clauses)) ORDER BY received_at DESC, id DESC LIMIT \(limit + 1))
            """
        }
        let sql = """
            SELECT \(PostgresRows.transactionColumns) FROM (\(parts.joined(separator: " UNION ALL "))) AS found
            ORDER BY received_at DESC, id DESC LIMIT \(limit + 1)
            """
        let statement = PostgresQuery(unsafeSQL: sql, binds: binds)
        let rows = try await read { [self] connection in
            try await connection.query(statement, logger: logger).map(PostgresRows.transaction)
        }
        return InboxPage(fetched: rows, limit: limit)
    }

    package func inboxCount(_ query: InboxPageQuery) async throws -> Int {
        var (clauses, binds) = Self.filter(query)
        guard query.needle == nil, query.tagg == nil else {
            let counts = Self.sources(query.needle, &binds).map { source in
                "(SELECT COUNT(*) FROM inbound_transaction \(Self.whereClause(source + clauses)))"
            }
            let statement = PostgresQuery(unsafeSQL: "SELECT " + counts.joined(separator: " + "), binds: binds)
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

    /// `inbound_search` rows go with their texts (`ON DELETE CASCADE`).
    package func unindexRemoved(limit: Int) async throws -> Int { 0 }

    package func indexForSearch(receivedBefore: Date, limit: Int) async throws -> Int {
        let before = receivedBefore.timeIntervalSince1970
        return try await write { [self] connection -> Int in
            guard
                let (horizonAt, horizonID) = try await connection.query(
                    "SELECT received_at, id FROM search_horizon FOR UPDATE", logger: logger
                ).first({ try $0.decode((Double, String).self) })
            else { return 0 }
            let (count, lastAt, lastID) =
                try await connection.query(
                    """
                    WITH picked AS (
                        SELECT id, received_at, \(unescaped: PostgresScaleSchema.searchDocument) AS document
                        FROM inbound_transaction
                        WHERE (received_at, id) > (\(horizonAt), \(horizonID)) AND received_at < \(before)
                        ORDER BY received_at, id LIMIT \(max(1, limit))),
                    added AS (
                        INSERT INTO inbound_search (id, document) SELECT id, document FROM picked
                        ON CONFLICT (id) DO NOTHING)
                    SELECT COUNT(*), MAX(received_at),
                        (SELECT id FROM picked ORDER BY received_at DESC, id DESC LIMIT 1)
                    FROM picked
                    """, logger: logger
                ).first { try $0.decode((Int, Double?, String?).self) } ?? (0, nil, nil)
            guard count > 0, let lastAt, let lastID else { return 0 }
            try await connection.query(
                "UPDATE search_horizon SET received_at = \(lastAt), id = \(lastID)", logger: logger)
            return count
        }
    }

    /// The conditions that say where a query's texts come from: for a search, the index, and the texts after its
    /// horizon scanned (the search's pattern bound once, used by both); otherwise the whole table.
    private static func sources(_ needle: String?, _ binds: inout PostgresBindings) -> [[String]] {
        guard let needle else { return [[]] }
        let escaped = needle.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
        binds.append("%" + escaped + "%")
        let pattern = "$\(binds.count)"
        return [
            ["id IN (SELECT id FROM inbound_search WHERE document LIKE \(pattern))"],
            [
                // The scalar bound is what lets the planner walk the receipt index from the horizon (a row
                // comparison with a subquery alone made it scan the table).
                "received_at >= (SELECT received_at FROM search_horizon)",
                "(received_at, id) > (SELECT received_at, id FROM search_horizon)",
                "\(PostgresScaleSchema.searchDocument) LIKE \(pattern)",
            ],
        ]
    }

    /// The conditions a query names besides its search, with their values.
    private static func filter(_ query: InboxPageQuery) -> ([String], PostgresBindings) {
        var clauses: [String] = []
        var binds = PostgresBindings()
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

    private static func whereClause(_ clauses: [String]) -> String {
        clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
    }
}
