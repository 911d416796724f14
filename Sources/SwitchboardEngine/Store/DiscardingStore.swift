import Foundation

/// A store that keeps nothing and acknowledges everything: only for measuring the receiver without storage
/// (`switchboard serve --discard`, a benchmark baseline). Never use it to receive real texts. It plays only the
/// receiver's roles: there is nothing to read, reply to, index or remove.
package final class DiscardingStore: CallbackStore, StoreConnection {
    package init() {}

    package func insertCallbacks(_ callbacks: [InboundCallback]) async throws -> [CallbackInsertResult] {
        callbacks.map { _ in .inserted }
    }

    package func checkAvailable() async throws {}

    package func statistics(now: Date, window: ReplyWindow) async throws -> StoreStatistics {
        StoreStatistics(openTransactions: 0, repliesByReturnCode: [:])
    }

    package func close() async throws {}
}
