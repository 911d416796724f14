import Foundation

/// The store as a service: whether it answers (`/healthz`), its figures (`/metrics`), and closing it.
package protocol StoreConnection: Sendable {
    /// Returns if the store answers now; throws ``StoreError/unavailable(_:)`` with the reason if not (a receiver's
    /// `/healthz`).
    func checkAvailable() async throws

    /// Figures for metrics: open transactions and reply attempts by return code.
    func statistics(now: Date, window: ReplyWindow) async throws -> StoreStatistics

    /// Closes the store; later calls fail.
    func close() async throws
}
