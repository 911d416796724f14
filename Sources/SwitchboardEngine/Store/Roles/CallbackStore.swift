import Foundation

/// Where the receiver puts what arrives: callbacks stored durably, in batches (group commit).
package protocol CallbackStore: Sendable {
    /// Stores callbacks durably in one transaction (group commit); a duplicate transaction id adds no row.
    /// Returns, in order, what became of each.
    func insertCallbacks(_ callbacks: [InboundCallback]) async throws -> [CallbackInsertResult]
}
