import Foundation
import Synchronization
import Testing

@testable import SwitchboardEngine
@testable import SwitchboardSimulator

/// A real SQLite store, a campaign to `count` numbers, and a runner sending it to the simulator over loopback.
struct BroadcastSetup {
    let fixture: SimulatorFixture
    let store: SQLiteStore
    let service: BroadcastService
    let campaign: Campaign

    /// `+1555010xxxx`-style numbers, one per recipient.
    static func phones(_ count: Int) -> [String] {
        (0..<count).map { "+1555" + String(format: "%07d", 1_000_000 + $0) }
    }

    static func make(
        _ fixture: SimulatorFixture, count: Int, rate: BroadcastRate = .unlimited, concurrency: Int = 4,
        body: String = "Shop opens at 9 tomorrow", token: String = "sim-token"
    ) async throws -> BroadcastSetup {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "switchboard-broadcast-\(UUID().uuidString).sqlite"
        ).path
        let store = try SQLiteStore(path: path)
        let service = BroadcastService(
            store: store, client: fixture.taggetClient(token: token), defaultSender: "Tagget", defaultRate: rate,
            defaultConcurrency: concurrency, operatorName: "ana", clock: SystemWallClock())
        let plan = service.plan(recipients: phones(count).joined(separator: "\n"), fileName: nil, body: body)
        let campaign = try await service.create(plan)
        return BroadcastSetup(fixture: fixture, store: store, service: service, campaign: campaign)
    }

    func runner(rate: BroadcastRate? = nil, concurrency: Int? = nil) -> BroadcastRunner {
        service.runner(for: campaign, rate: rate, concurrency: concurrency)
    }

    /// A runner whose waits (paused, paced, for a retry) go through `sleep`.
    func runner(sleep: @escaping Sleeper) -> BroadcastRunner {
        BroadcastRunner(
            campaignID: campaign.id, store: store, client: service.client, rate: campaign.rate,
            concurrency: campaign.concurrency, clock: SystemWallClock(), sleep: sleep)
    }

    /// A runner that records when each request leaves.
    func timedRunner(departures: DepartureLog) -> BroadcastRunner {
        BroadcastRunner(
            campaignID: campaign.id, store: store, client: service.client, rate: campaign.rate,
            concurrency: campaign.concurrency, clock: SystemWallClock(),
            onDeparture: { date in departures.times.withLock { $0.append(date) } })
    }

    /// The sends the simulator received, by recipient.
    var sendsByRecipient: [String: Int] {
        var counts: [String: Int] = [:]
        for request in fixture.simulator.requests(to: "/engage/send_sms") {
            if let to = ProviderSimulator.recipient(ofSend: request.body) { counts[to, default: 0] += 1 }
        }
        return counts
    }

    var sendTimes: [Date] { fixture.simulator.requests(to: "/engage/send_sms").map(\.receivedAt).sorted() }

    func recipients(_ states: Set<RecipientState>? = nil) async throws -> [CampaignRecipient] {
        try await store.campaignRecipients(id: campaign.id, states: states, afterPosition: -1, limit: 1_000_000)
    }
}

/// When each request of a run left.
final class DepartureLog: Sendable {
    let times = Mutex<[Date]>([])
}

/// How many times each task (each of a runner's senders) has waited.
final class WaitsBySender: Sendable {
    private let counts = Mutex<[Int: Int]>([:])

    /// Counts a wait of the task calling it.
    func count() {
        let sender = withUnsafeCurrentTask { $0?.hashValue ?? 0 }
        counts.withLock { $0[sender, default: 0] += 1 }
    }

    /// How many senders have waited at least `times` times.
    func senders(waitingAtLeast times: Int) -> Int { counts.withLock { $0.values.filter { $0 >= times }.count } }
}
