import Foundation
import SwitchboardEngine

/// Keeps this console's soft lock in the store: which text its operator is writing a reply to. Requests are carried
/// out one at a time, in order (an open then a close can never land the other way round); the mark is renewed while
/// the reply pane stays open and cleared when the console stops. A console that dies leaves a mark that lapses by
/// itself after ``ttl``.
final class ComposingMarker: Sendable {
    /// How long a mark holds unless renewed, and how often it is renewed.
    static let ttl: Duration = .seconds(60)
    static let renewal: Duration = .seconds(20)

    let consoleID = UUID().uuidString
    private let store: any PresenceStore
    private let operatorName: String
    private let clock: any WallClock
    private let requests: AsyncStream<Request>
    private let sink: AsyncStream<Request>.Continuation

    private enum Request {
        case mark(String?)
        case renew
    }

    init(store: any PresenceStore, operatorName: String, clock: any WallClock) {
        self.store = store
        self.operatorName = operatorName
        self.clock = clock
        (requests, sink) = AsyncStream<Request>.makeStream()
    }

    /// Marks `transactionID` (nil: nothing) as what this console is writing to.
    func mark(_ transactionID: String?) { sink.yield(.mark(transactionID)) }

    /// Carries out the requests until ``finish()``, then clears the mark.
    func run() async {
        let renewer = Task { [sink] in
            while !Task.isCancelled {
                try? await Task.sleep(for: Self.renewal)
                sink.yield(.renew)
            }
        }
        defer { renewer.cancel() }
        var current: String?
        for await request in requests {
            switch request {
            case .mark(let id):
                current = id
                await write(id)
            case .renew:
                if let current { await write(current) }
            }
        }
        // On the way out, a store that does not answer does not hold the console up: the mark lapses by itself.
        if current != nil { _ = try? await StoreDeadline.run(within: .seconds(2)) { await self.write(nil) } }
    }

    /// Ends ``run()`` once the requests made so far are carried out.
    func finish() { sink.finish() }

    /// A soft lock is advice: when the store cannot be reached the reply still works (its claim is what counts),
    /// so a failed mark is left to the next renewal.
    private func write(_ transactionID: String?) async {
        try? await store.markComposing(
            consoleID: consoleID, transactionID: transactionID, operatorName: operatorName, now: clock.now(),
            ttl: Self.ttl)
    }
}
