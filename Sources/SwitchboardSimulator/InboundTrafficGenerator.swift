import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import SwitchboardEngine
import Synchronization

/// Plays Tagga's side of inbound traffic: opens transactions on the fake account and POSTs each one to the
/// callback URL as a form, resending when the acknowledgement is late or not `200` (as a provider does).
package final class InboundTrafficGenerator: Sendable {
    /// Counts of what the generator has done.
    package struct Statistics: Sendable, Hashable {
        package var generated = 0
        package var acknowledged = 0
        package var resends = 0
        package var abandoned = 0
    }

    private let account: SimulatedTaggaAccount
    private let callbackURL: String
    private let client: HTTPClient
    private let ackTimeout: Duration
    private let maximumDeliveries: Int
    private let backoff: RetryBackoff
    private let idPrefix: String
    private let counters = Mutex(Statistics())
    private let random = Mutex(SeededGenerator(seed: UInt64.random(in: 1...UInt64.max)))

    package init(
        account: SimulatedTaggaAccount, callbackURL: String, client: HTTPClient, ackTimeout: Duration = .seconds(10),
        maximumDeliveries: Int = 6, backoff: RetryBackoff = RetryBackoff(base: .seconds(1), maximum: .seconds(30))
    ) {
        self.account = account
        self.callbackURL = callbackURL
        self.client = client
        self.ackTimeout = ackTimeout
        self.maximumDeliveries = maximumDeliveries
        self.backoff = backoff
        self.idPrefix = String(UInt32.random(in: 100_000...999_999))
    }

    package var statistics: Statistics { counters.withLock { $0 } }

    /// Generates `count` texts (forever when nil) at `rate` per second, each delivered in its own task.
    package func run(rate: Double, count: Int?) async {
        let interval = Duration.seconds(1 / max(rate, 0.001))
        await withTaskGroup(of: Void.self) { group in
            var made = 0
            while !Task.isCancelled, count.map({ made < $0 }) ?? true {
                made += 1
                let transaction = openRandomTransaction(number: made)
                group.addTask { await self.deliver(transaction) }
                try? await Task.sleep(for: interval)
            }
            await group.waitForAll()
        }
    }

    /// Opens one transaction with a random tagg, texter and body.
    package func openRandomTransaction(number: Int) -> SimulatedTransaction {
        let (tagg, from, body, alphanumeric) = random.withLock { rng in
            (
                ["HELP", "PIZZA", "INFO"].randomElement(using: &rng)!,
                InboundMessageCorpus.senders.randomElement(using: &rng)!,
                InboundMessageCorpus.bodies.randomElement(using: &rng)!,
                Int.random(in: 0..<4, using: &rng) == 0
            )
        }
        let id = alphanumeric ? "TG-\(idPrefix)-\(number)" : "\(idPrefix)\(String(format: "%06d", number))"
        counters.withLock { $0.generated += 1 }
        return account.openTransaction(id: id, tagg: tagg, from: from, message: body)
    }

    /// POSTs the callback until it is acknowledged with 200 or the attempts run out. Returns whether it was.
    @discardableResult
    package func deliver(_ transaction: SimulatedTransaction) async -> Bool {
        let body = FormURLEncoding.encode([
            ("transaction_id", transaction.id), ("tagg", transaction.tagg), ("message", transaction.message),
        ])
        for attempt in 1...maximumDeliveries {
            if attempt > 1 {
                counters.withLock { $0.resends += 1 }
                try? await Task.sleep(for: backoff.delay(afterAttempt: attempt - 1))
                if Task.isCancelled { break }
            }
            if await post(body) {
                counters.withLock { $0.acknowledged += 1 }
                return true
            }
        }
        counters.withLock { $0.abandoned += 1 }
        return false
    }

    private func post(_ body: String) async -> Bool {
        var request = HTTPClientRequest(url: callbackURL)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        request.body = .bytes(ByteBuffer(string: body))
        do {
            let response = try await client.execute(request, timeout: TimeAmount(ackTimeout))
            _ = try await response.body.collect(upTo: 64 * 1024)
            return response.status == .ok
        } catch {
            return false
        }
    }
}
