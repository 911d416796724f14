import Foundation
import SwitchboardEngine
import Synchronization

/// The one broadcast this console runs at a time: stores and starts it, passes pause, resume and cancel on,
/// queues the failed again, and stops it when the console quits (what was not sent stays queued, for
/// `switchboard broadcast --resume`). Everything it learns goes to the UI as events.
final class BroadcastSupervisor: Sendable {
    private let service: BroadcastService
    private let queue: EventQueue
    private let control = Mutex(Control())

    private struct Control {
        /// A broadcast is being stored, run or retried.
        var busy = false
        var runner: BroadcastRunner?
        var campaignID: String?
        /// The console is quitting: nothing new starts, the running one stops.
        var stopping = false
    }

    init(service: BroadcastService, queue: EventQueue) {
        self.service = service
        self.queue = queue
    }

    /// Stores the planned broadcast and runs it to the end.
    func start(_ plan: BroadcastPlan) async {
        guard reserve(nil) else { return }
        defer { release() }
        let campaign: Campaign
        do {
            campaign = try await service.create(plan)
        } catch {
            queue.post(.broadcastFailed(campaignID: nil, reason: Self.describe(error)))
            return
        }
        await run(campaign)
    }

    /// Queues a campaign's failed recipients again and runs it (which also sends what a cancel left queued).
    func retryFailed(campaignID: String) async {
        guard reserve(campaignID) else { return }
        defer { release() }
        do {
            _ = try await service.retryFailed(campaignID: campaignID)
            guard let campaign = try await service.store.campaign(id: campaignID) else {
                queue.post(
                    .broadcastFailed(campaignID: campaignID, reason: "campaign \(campaignID) is not in the store"))
                return
            }
            await run(campaign)
        } catch {
            queue.post(.broadcastFailed(campaignID: campaignID, reason: Self.describe(error)))
        }
    }

    func pause() { control.withLock { $0.runner }?.pause() }
    func resume() { control.withLock { $0.runner }?.resume() }
    func cancel() { control.withLock { $0.runner }?.cancel() }

    /// The console quits: the running broadcast stops after its sends in flight. Returns its id, if one ran.
    func stop() -> String? {
        control.withLock { control in
            control.stopping = true
            control.runner?.cancel()
            return control.busy ? control.campaignID : nil
        }
    }

    /// Takes the one slot; says why not when a broadcast already runs.
    private func reserve(_ campaignID: String?) -> Bool {
        let taken = control.withLock { control in
            guard !control.busy, !control.stopping else { return false }
            control.busy = true
            control.campaignID = campaignID
            return true
        }
        if !taken {
            queue.post(
                .broadcastFailed(campaignID: campaignID, reason: "a broadcast is already sending from this console"))
        }
        return taken
    }

    private func release() {
        control.withLock { control in
            control.busy = false
            control.runner = nil
            control.campaignID = nil
        }
    }

    private func run(_ campaign: Campaign) async {
        let runner = service.runner(for: campaign)
        let stopping = control.withLock { control in
            control.runner = runner
            control.campaignID = campaign.id
            return control.stopping
        }
        // Quitting before it started: it stays stored and queued.
        guard !stopping else { return }
        queue.post(.broadcastStarted(campaign))
        do {
            let (end, _) = try await runner.run { [queue] progress in queue.post(.broadcastProgress(progress)) }
            queue.post(.broadcastEnded(campaignID: campaign.id, end: end))
        } catch {
            queue.post(.broadcastFailed(campaignID: campaign.id, reason: Self.describe(error)))
        }
    }

    private static func describe(_ error: any Error) -> String { "\(error)" }
}
