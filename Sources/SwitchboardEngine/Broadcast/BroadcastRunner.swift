import Foundation
import NIOCore
import NIOPosix
import Synchronization

/// Runs a stored campaign (docs/provider-contract.md §4): `concurrency` senders share one ``TokenBucket``; each takes a slot,
/// claims the next recipient (committed `sending` first), makes one POST, and hands the outcome to the next
/// commit. Transient failures go back to the queue with a backoff, so a slow or failing recipient never holds up
/// the others; a `429` or `Retry-After` pauses every sender. An answer that may have been acted on (timeout after
/// the request was written) is `unknown`, never retried here. Pause, resume and cancel take effect between sends.
///
/// The senders run on one SwiftNIO event loop (their preferred task executor), each with its own keep-alive
/// connection on that loop (``TaggetSendLine``), so a POST and its answer cost no thread hop.
package final class BroadcastRunner: Sendable {
    package let campaignID: String
    private let store: any CampaignStore
    private let client: TaggetSendClient
    private let clock: any WallClock
    private let sleep: Sleeper
    private let concurrency: Int
    private let maximumAttempts: Int
    private let lease: Duration
    private let bucket: TokenBucket
    private let token = RunnerIdentity.newToken()
    /// Told the moment each request leaves (for measuring the pace without the network's jitter).
    private let onDeparture: (@Sendable (Date) -> Void)?
    private let control = Mutex(Control())
    private let eventLoop: any EventLoop

    private struct Control {
        var paused = false
        var cancelled = false
        var tally = CampaignTally()
        var lastProblem: String?
        /// Finished requests per second of the clock, for the recent rate.
        var finishedBySecond: [Int: Int] = [:]
    }

    package init(
        campaignID: String, store: any CampaignStore, client: TaggetSendClient, rate: BroadcastRate, concurrency: Int,
        clock: any WallClock = SystemWallClock(), sleep: @escaping Sleeper = taskSleeper, maximumAttempts: Int = 5,
        lease: Duration = .seconds(30), onDeparture: (@Sendable (Date) -> Void)? = nil,
        eventLoop: (any EventLoop)? = nil
    ) {
        self.eventLoop = eventLoop ?? MultiThreadedEventLoopGroup.singleton.next()
        self.onDeparture = onDeparture
        self.campaignID = campaignID
        self.store = store
        self.client = client
        self.clock = clock
        self.sleep = sleep
        self.concurrency = max(1, concurrency)
        self.maximumAttempts = max(1, maximumAttempts)
        self.lease = lease
        bucket = TokenBucket(rate: rate, clock: clock)
    }

    /// Stops claiming new recipients until ``resume()``; sends in flight finish.
    package func pause() { control.withLock { $0.paused = true } }
    package func resume() { control.withLock { $0.paused = false } }
    /// Stops the run after the sends in flight; the rest stays queued.
    package func cancel() { control.withLock { $0.cancelled = true } }

    /// Runs the campaign until every recipient is final, or it is cancelled. `interrupted` recipients (left
    /// `sending` by a process that died) were marked unknown when the campaign was taken; `onProgress` is called
    /// a few times a second and once at the end.
    package func run(onProgress: @escaping @Sendable (BroadcastProgress) -> Void = { _ in }) async throws -> (
        end: BroadcastRunEnd, interrupted: Int
    ) {
        let startedAt = clock.now()
        let interrupted: Int
        guard let campaign = try await store.campaign(id: campaignID) else {
            throw StoreError.campaignBusy(id: campaignID, reason: "no such campaign")
        }
        do throws(SenderNameError) {
            _ = try SenderName(validating: campaign.sender)
        } catch {
            throw BroadcastError.notSendable(["sender: \(error)"])
        }
        // A holder that was a process on this machine and is gone (killed, crashed) is replaced at once, rather than
        // after its lease runs out.
        let dead = campaign.runnerToken.flatMap { RunnerIdentity.isDeadProcessOnThisHost($0) ? $0 : nil }
        switch try await store.acquireCampaign(
            id: campaignID, runnerToken: token, now: startedAt, lease: lease, replacing: dead)
        {
        case .notFound: throw StoreError.campaignBusy(id: campaignID, reason: "no such campaign")
        case .heldElsewhere(let until):
            throw StoreError.campaignBusy(
                id: campaignID,
                reason: "another process is running it (its hold ends \(ISO8601DateFormatter().string(from: until)))")
        case .acquired(let count): interrupted = count
        }
        let initial = try await store.campaignTally(id: campaignID)
        control.withLock { $0.tally = initial }
        let stepper = CampaignStepper(
            store: store, campaignID: campaignID, token: token, clock: clock, lease: lease, eventLoop: eventLoop)

        let reporter = Task {
            while !Task.isCancelled {
                onProgress(await self.progress(startedAt: startedAt))
                try? await Task.sleep(for: .milliseconds(250))
            }
        }
        defer { reporter.cancel() }
        let end: BroadcastRunEnd
        do {
            let executor = EventLoopTaskExecutor(eventLoop)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<concurrency {
                    group.addTask(executorPreference: executor) {
                        let line = TaggetSendLine(client: self.client, eventLoop: self.eventLoop)
                        do {
                            try await self.sender(stepper, line: line, from: campaign.sender)
                        } catch {
                            await line.close()
                            throw error
                        }
                        await line.close()
                    }
                }
                try await group.waitForAll()
            }
            end = control.withLock { $0.cancelled } ? .cancelled : .finished
        } catch StoreError.campaignLost {
            end = .lost
        }
        if end != .lost {
            let tally = try await store.campaignTally(id: campaignID)
            control.withLock { $0.tally = tally }
            let state: CampaignState = tally.isFinished ? .finished : (end == .cancelled ? .cancelled : .paused)
            try await store.releaseCampaign(id: campaignID, runnerToken: token, state: state, now: clock.now())
        }
        reporter.cancel()
        onProgress(await progress(startedAt: startedAt))
        return (end, interrupted)
    }

    /// What `onProgress` gets.
    private func progress(startedAt: Date) async -> BroadcastProgress {
        let now = clock.now()
        let throttled = bucket.pausedUntil.flatMap { $0 > now ? $0 : nil }
        return control.withLock { control in
            let second = Int(now.timeIntervalSince1970)
            // The last 5 whole seconds (the current one is still filling).
            let window = (second - 5)..<second
            let finished = window.reduce(0) { $0 + (control.finishedBySecond[$1] ?? 0) }
            let elapsed = min(5, max(1, now.timeIntervalSince(startedAt).rounded(.down)))
            return BroadcastProgress(
                campaignID: campaignID, tally: control.tally, startedAt: startedAt, now: now,
                recentRate: Double(finished) / elapsed, paused: control.paused, throttledUntil: throttled,
                lastProblem: control.lastProblem)
        }
    }

    /// One sender: slot, claim, POST, outcome, until nothing is left (or cancelled).
    private func sender(_ stepper: CampaignStepper, line: TaggetSendLine, from senderName: String) async throws {
        var outcome: RecipientOutcome?
        while true {
            let (paused, cancelled) = control.withLock { ($0.paused, $0.cancelled) }
            if cancelled || paused {
                if let pending = outcome {
                    _ = try await stepper.next(after: pending, claim: false)
                    outcome = nil
                }
                if cancelled { return }
                // Paused: keep the hold on the campaign alive while waiting.
                _ = try await stepper.next(after: nil, claim: false)
                try await sleep(.milliseconds(200))
                continue
            }
            let slot = bucket.reserve()
            let wait = slot.timeIntervalSince(clock.now())
            if wait > 0 { try await sleep(.seconds(wait)) }
            guard bucket.mayGo(at: clock.now()) else { continue }
            let next = try await stepper.next(after: outcome, claim: true)
            outcome = nil
            switch next {
            case .recipient(let recipient):
                // The claim is committed. Make the request, then space it from the last one that left.
                switch prepare(recipient, from: senderName) {
                case .refused(let refusal):
                    outcome = refusal
                case .body(let body):
                    while let wait = bucket.departure() { try await sleep(wait) }
                    onDeparture?(clock.now())
                    outcome = await send(recipient, body: body, through: line)
                }
            case .exhausted:
                return
            case .wait(let until):
                // Only retries are left (or others are in flight): look again when the first may go, within 1 s.
                let seconds = min(
                    1, max(0.05, (until ?? clock.now().addingTimeInterval(1)).timeIntervalSince(clock.now())))
                try await sleep(.seconds(seconds))
            }
        }
    }

    /// A recipient made ready to send.
    private enum Prepared {
        case body([UInt8])
        case refused(RecipientOutcome)
    }

    /// The request's JSON body, or the rejection of a recipient that cannot be sent. Numbers and bodies were
    /// checked when the campaign was made; here only what a hand-edited store could break is looked at again
    /// (cheaply: this runs for every send).
    private func prepare(_ recipient: CampaignRecipient, from senderName: String) -> Prepared {
        let phone = recipient.phone.utf8
        let plausible =
            phone.count >= 9 && phone.count <= 16 && phone.first == UInt8(ascii: "+")
            && phone.dropFirst().allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        guard plausible, !recipient.body.isEmpty else {
            return .refused(
                finish(
                    recipient,
                    RecipientOutcome(
                        position: recipient.position, state: .rejected, httpStatus: nil,
                        detail: "refused before sending: the stored number or body is not sendable")))
        }
        return .body(
            TaggetSendRequest.wireBody(
                to: recipient.phone, body: recipient.body, sender: senderName, account: client.account))
    }

    /// One POST for one recipient, and what it means for the recipient.
    private func send(_ recipient: CampaignRecipient, body: [UInt8], through line: TaggetSendLine) async
        -> RecipientOutcome
    {
        let (verdict, outcome, attempt) = await line.attemptOnce(body: body, number: recipient.attempts)
        func ended(_ state: RecipientState, _ detail: String, retryAt: Date? = nil) -> RecipientOutcome {
            finish(
                recipient,
                RecipientOutcome(
                    position: recipient.position, state: state, httpStatus: attempt.httpStatus, detail: detail,
                    notBefore: retryAt))
        }
        switch verdict {
        case .sent: return ended(.sent, attempt.detail)
        case .rejected: return ended(.rejected, outcome.summary)
        case .unknown: return ended(.unknown, outcome.summary)
        case .transient(let retryAfter):
            let now = clock.now()
            if attempt.httpStatus == 429 || retryAfter != nil {
                // Tagget is overloaded: everyone waits, not only this recipient.
                let wait = retryAfter ?? client.backoff.delay(afterAttempt: recipient.attempts)
                bucket.pause(until: now.addingTimeInterval(wait.timeInterval))
            }
            guard recipient.attempts < maximumAttempts else {
                return ended(
                    .failed, "\(attempt.detail); gave up after \(recipient.attempts) attempts, nothing was sent")
            }
            var delay = client.backoff.delay(afterAttempt: recipient.attempts)
            if let retryAfter { delay = max(delay, retryAfter) }
            return ended(
                .queued, "\(attempt.detail); retry \(recipient.attempts + 1) of \(maximumAttempts)",
                retryAt: now.addingTimeInterval(delay.timeInterval))
        }
    }

    /// Counts the outcome for progress.
    private func finish(_ recipient: CampaignRecipient, _ outcome: RecipientOutcome) -> RecipientOutcome {
        control.withLock { control in
            control.tally.counts[.queued, default: 0] -= 1
            control.tally.counts[outcome.state, default: 0] += 1
            control.finishedBySecond[Int(clock.now().timeIntervalSince1970), default: 0] += 1
            if outcome.state == .rejected || outcome.state == .unknown || outcome.state == .failed {
                control.lastProblem = "\(recipient.phone): \(outcome.detail ?? outcome.state.rawValue)"
            } else if outcome.httpStatus == 429 {
                control.lastProblem = "Tagget asked to slow down (429)"
            }
            if control.finishedBySecond.count > 16 {
                let cutoff = Int(clock.now().timeIntervalSince1970) - 10
                control.finishedBySecond = control.finishedBySecond.filter { $0.key >= cutoff }
            }
        }
        return outcome
    }
}
