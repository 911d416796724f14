import Foundation
import NIOCore
import PostgresNIO

/// Callbacks into PostgreSQL: one statement per group commit, whatever its size.
extension PostgresStore {
    /// Inserts the batch with one statement: the callbacks go in as arrays (in their order), `ON CONFLICT DO
    /// NOTHING` leaves a known transaction id as it was, and the raw request is stored beside each transaction
    /// inserted. A transaction id seen twice in one batch is inserted from its first callback, as if the callbacks
    /// had been inserted one by one.
    package func insertCallbacks(_ callbacks: [InboundCallback]) async throws -> [CallbackInsertResult] {
        guard !callbacks.isEmpty else { return [] }
        let insertedIDs = try await write { [self] connection -> Set<String> in
            let ids = try await connection.query(Self.insertStatement(callbacks), logger: logger)
                .map { try $0.decode(String.self) }
            let inserted = Set(ids)
            // In batch order, as the notification lists them.
            let notified = callbacks.map(\.transactionID).filter { inserted.contains($0) }
            if !notified.isEmpty { try await notify(connection, .inserted(Self.firstOccurrences(notified))) }
            return inserted
        }
        var seen: Set<String> = []
        let results = callbacks.map { callback -> CallbackInsertResult in
            let first = seen.insert(callback.transactionID).inserted
            return first && insertedIDs.contains(callback.transactionID) ? .inserted : .duplicate
        }
        let inserted = zip(callbacks, results).filter { $0.1 == .inserted }.map(\.0.transactionID)
        if !inserted.isEmpty { broadcaster.publish(.inserted(inserted)) }
        return results
    }

    /// `ids` without repeats, in the order each first appears.
    private static func firstOccurrences(_ ids: [String]) -> [String] {
        var seen: Set<String> = []
        return ids.filter { seen.insert($0).inserted }
    }

    /// The batch as one `INSERT … SELECT … FROM unnest(…)`. Optional text goes in as a value and a flag (postgres-nio
    /// has no arrays of optionals).
    private static func insertStatement(_ callbacks: [InboundCallback]) -> PostgresQuery {
        let received = callbacks.map(\.receivedAt.timeIntervalSince1970)
        let raws = callbacks.map(\.raw)
        return """
            WITH input AS (
                SELECT * FROM unnest(
                    \(callbacks.map(\.transactionID)), \(callbacks.map(\.tagg)), \(callbacks.map(\.message)),
                    \(callbacks.map(\.encoding.rawValue)), \(callbacks.map(\.taggKnown)), \(received),
                    \(raws.map(\.method)), \(raws.map(\.target)),
                    \(raws.map { $0.contentType ?? "" }), \(raws.map { $0.contentType != nil }),
                    \(raws.map { $0.remoteAddress ?? "" }), \(raws.map { $0.remoteAddress != nil }),
                    \(raws.map { ByteBuffer(bytes: $0.body) })
                ) WITH ORDINALITY AS i(id, tagg, message, encoding, tagg_known, received_at, method, target,
                    content_type, has_content_type, remote_address, has_remote_address, body, position)),
            t AS (
                INSERT INTO inbound_transaction
                    (id, tagg, message, encoding, tagg_known, received_at, state, updated_at)
                SELECT id, tagg, message, encoding, tagg_known, received_at, 'pending', received_at
                FROM input ORDER BY position
                ON CONFLICT (id) DO NOTHING
                RETURNING id)
            INSERT INTO callback_request
                (transaction_id, method, target, content_type, remote_address, body, received_at)
            SELECT DISTINCT ON (input.id) input.id, input.method, input.target,
                CASE WHEN input.has_content_type THEN input.content_type END,
                CASE WHEN input.has_remote_address THEN input.remote_address END,
                input.body, input.received_at
            FROM input JOIN t ON t.id = input.id
            ORDER BY input.id, input.position
            RETURNING transaction_id
            """
    }
}
