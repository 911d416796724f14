import Foundation
import SwitchboardTestSupport
import Testing

@testable import SwitchboardEngine
@testable import SwitchboardSimulator

/// The broadcast runner against the simulator over loopback and a real SQLite store.
@Suite struct BroadcastRunnerTests {
    @Test func everyRecipientIsTextedOnceAndEndsSent() async throws {
        try await SimulatorFixture.with { fixture in
            let setup = try await BroadcastSetup.make(fixture, count: 50)
            let (end, interrupted) = try await setup.runner().run()
            #expect(end == .finished)
            #expect(interrupted == 0)
            let tally = try await setup.store.campaignTally(id: setup.campaign.id)
            #expect(tally[.sent] == 50)
            #expect(setup.sendsByRecipient.count == 50)
            #expect(setup.sendsByRecipient.values.allSatisfy { $0 == 1 })
            #expect(try await setup.store.campaign(id: setup.campaign.id)?.state == .finished)
            let delivered = Set(fixture.simulator.tagget.deliveries.map(\.to))
            #expect(delivered == Set(BroadcastSetup.phones(50)))
        }
    }

    @Test func theRateIsNeverExceeded() async throws {
        try await SimulatorFixture.with { fixture in
            let rate = 10.0
            let count = 25
            let setup = try await BroadcastSetup.make(fixture, count: count, rate: .perSecond(rate), concurrency: 4)
            let departures = DepartureLog()
            _ = try await setup.timedRunner(departures: departures).run()
            // The departures, on the runner's clock: one token, no burst, so any k of them span (k-1)/rate.
            let left = departures.times.withLock { $0 }.sorted()
            #expect(left.count == count)
            for (first, later) in zip(left, left.dropFirst()) {
                #expect(later.timeIntervalSince(first) >= 1 / rate - 0.001, "\(later.timeIntervalSince(first)) s")
            }
            // What the simulator saw: the same pace, give or take the network and a machine busy with the other
            // tests (arrivals can be late by tens of milliseconds, never early): every request counted, and no
            // second holds more than the rate allows plus two late arrivals (unpaced, all 25 would arrive within
            // a few milliseconds).
            let times = setup.sendTimes
            #expect(times.count == count)
            #expect(times.last!.timeIntervalSince(times.first!) >= Double(count - 1) / rate - 0.2)
            for (index, first) in times.enumerated() {
                let inOneSecond = times[index...].prefix { $0.timeIntervalSince(first) < 1 }.count
                #expect(inOneSecond <= Int(rate) + 2, "\(inOneSecond) requests within a second")
            }
        }
    }

    @Test func serverErrorsAreRetriedAndTheRecipientIsSentOnce() async throws {
        try await SimulatorFixture.with { fixture in
            let setup = try await BroadcastSetup.make(fixture, count: 5)
            let unlucky = BroadcastSetup.phones(5)[2]
            fixture.simulator.faults.script([.serverError, .serverError], forRecipient: unlucky)
            _ = try await setup.runner().run()
            let recipients = try await setup.recipients()
            #expect(recipients.allSatisfy { $0.state == .sent })
            #expect(recipients.first { $0.phone == unlucky }?.attempts == 3)
            #expect(setup.sendsByRecipient[unlucky] == 3, "two 500s, then the send")
            #expect(fixture.simulator.tagget.deliveries.filter { $0.to == unlucky }.count == 1)
        }
    }

    @Test func aThrottleStormPausesEveryoneAndEndsSent() async throws {
        try await SimulatorFixture.with { fixture in
            let setup = try await BroadcastSetup.make(fixture, count: 12, concurrency: 4)
            fixture.simulator.faults.script(
                [
                    .throttled(retryAfterSeconds: 1), .throttled(retryAfterSeconds: 1),
                    .throttled(retryAfterSeconds: nil),
                ],
                for: .taggetSend)
            _ = try await setup.runner().run()
            let tally = try await setup.store.campaignTally(id: setup.campaign.id)
            #expect(tally[.sent] == 12)
            #expect(Set(fixture.simulator.tagget.deliveries.map(\.to)).count == 12)
            #expect(fixture.simulator.tagget.deliveries.count == 12, "nobody texted twice")
            // After the first 429 (Retry-After: 1) the whole bucket waited: the requests that had not left yet
            // went about a second after the first one (those already on their way arrive within moments).
            let times = setup.sendTimes
            let first = times.first!
            let waited = times.filter { $0.timeIntervalSince(first) >= 0.9 }.count
            let early = times.filter { $0.timeIntervalSince(first) < 0.9 }.count
            #expect(
                early <= 4, "at most the senders already on their way: \(times.map { $0.timeIntervalSince(first) })")
            #expect(waited >= 12 - 4 + 3, "the rest, and the three throttled ones again, waited")
        }
    }

    @Test func aRejectionIsFinalAndNotRetried() async throws {
        try await SimulatorFixture.with { fixture in
            let setup = try await BroadcastSetup.make(fixture, count: 6)
            let refused = BroadcastSetup.phones(6)[4]
            fixture.simulator.faults.script([.taggetRejected("invalid recipient number")], forRecipient: refused)
            _ = try await setup.runner().run()
            let recipients = try await setup.recipients()
            let rejected = try #require(recipients.first { $0.phone == refused })
            #expect(rejected.state == .rejected)
            #expect(rejected.httpStatus == 400)
            #expect(rejected.detail?.contains("invalid recipient number") == true)
            #expect(setup.sendsByRecipient[refused] == 1, "a 400 is never retried")
            #expect(recipients.filter { $0.state == .sent }.count == 5)
        }
    }

    @Test func oneRecipientTimingOutDoesNotStallTheOthers() async throws {
        // 15 s: the other 19 sends go through one sender while the first hangs, and on a CI machine busy with the
        // rest of the suite those 19 have taken more than 5 s.
        try await SimulatorFixture.with(readTimeout: .seconds(15)) { fixture in
            let setup = try await BroadcastSetup.make(fixture, count: 20, concurrency: 2)
            let slow = BroadcastSetup.phones(20)[0]
            fixture.simulator.faults.script([.timeoutAfterBody], forRecipient: slow)
            _ = try await setup.runner().run()
            let recipients = try await setup.recipients()
            let hung = try #require(recipients.first { $0.phone == slow })
            #expect(hung.state == .unknown, "an answer lost after the write")
            #expect(recipients.filter { $0.state == .sent }.count == 19)
            #expect(setup.sendsByRecipient[slow] == 1, "unknown is never retried automatically")
            // The other 19 went out (through the one free sender) while the first hung, before its 15 s timeout.
            let others = fixture.simulator.requests(to: "/engage/send_sms").filter {
                ProviderSimulator.recipient(ofSend: $0.body) != slow
            }
            #expect(others.count == 19)
            #expect(others.allSatisfy { $0.receivedAt < hung.updatedAt })
        }
    }

    @Test func failedRecipientsCanBeRetriedByTheOperator() async throws {
        try await SimulatorFixture.with { fixture in
            let setup = try await BroadcastSetup.make(fixture, count: 3)
            let unlucky = BroadcastSetup.phones(3)[1]
            fixture.simulator.faults.script(Array(repeating: .serverError, count: 5), forRecipient: unlucky)
            _ = try await setup.runner().run()
            var failed = try await setup.recipients([.failed])
            #expect(failed.map(\.phone) == [unlucky])
            #expect(failed.first?.detail?.contains("gave up after 5 attempts") == true)
            #expect(try await setup.service.retryFailed(campaignID: setup.campaign.id) == 1)
            _ = try await setup.runner().run()
            failed = try await setup.recipients([.failed])
            #expect(failed.isEmpty)
            #expect(try await setup.store.campaignTally(id: setup.campaign.id)[.sent] == 3)
            #expect(fixture.simulator.tagget.deliveries.filter { $0.to == unlucky }.count == 1)
        }
    }

    @Test func cancelStopsAndResumeCarriesOnWithoutRepeats() async throws {
        try await SimulatorFixture.with { fixture in
            let setup = try await BroadcastSetup.make(fixture, count: 30, rate: .perSecond(40))
            let runner = setup.runner()
            let cancel = Task {
                // Cancel once a few have gone (a fixed delay would race a busy machine).
                while setup.sendTimes.count < 5 { try await Task.sleep(for: .milliseconds(10)) }
                runner.cancel()
            }
            let (end, _) = try await runner.run()
            try await cancel.value
            #expect(end == .cancelled)
            let halfway = try await setup.store.campaignTally(id: setup.campaign.id)
            #expect(halfway[.queued] > 0 && halfway[.sent] > 0, "\(halfway.summary)")
            #expect(halfway[.sending] == 0, "sends in flight finished before it stopped")
            #expect(try await setup.store.campaign(id: setup.campaign.id)?.state == .cancelled)
            let (again, interrupted) = try await setup.runner().run()
            #expect(again == .finished)
            #expect(interrupted == 0)
            #expect(setup.sendsByRecipient.count == 30)
            #expect(setup.sendsByRecipient.values.allSatisfy { $0 == 1 })
        }
    }

    @Test func pauseHoldsAndResumeFinishes() async throws {
        try await SimulatorFixture.with { fixture in
            let setup = try await BroadcastSetup.make(fixture, count: 20, rate: .perSecond(50))
            // Paused, each sender waits and looks again. Once every sender has waited twice, each has found the pause
            // set twice, and any request one of them had made by then is already at the simulator (a sender awaits
            // the answer before it looks again). Waits are counted whatever they are for: a sender that ignored the
            // pause would wait for its pace, pass this point, and be caught sending.
            let waits = WaitsBySender()
            let runner = setup.runner { duration in
                waits.count()
                try await taskSleeper(duration)
            }
            runner.pause()
            let run = Task { try await runner.run() }
            let waited = await eventually { waits.senders(waitingAtLeast: 2) >= setup.campaign.concurrency }
            #expect(waited, "the senders never waited paused: \(waits.senders(waitingAtLeast: 1)) waited once")
            #expect(setup.sendTimes.isEmpty, "nothing goes while paused")
            runner.resume()
            let (end, _) = try await run.value
            #expect(end == .finished)
            #expect(setup.sendsByRecipient.count == 20)
        }
    }

    @Test func aRunnerThatDiedLeavesItsSendsUnknownAndTheRestIsSentOnce() async throws {
        try await SimulatorFixture.with { fixture in
            let setup = try await BroadcastSetup.make(fixture, count: 10)
            // A first process took the campaign a minute ago, claimed three recipients and died.
            let past = Date().addingTimeInterval(-60)
            _ = try await setup.store.acquireCampaign(
                id: setup.campaign.id, runnerToken: "dead", now: past, lease: .seconds(30), replacing: nil)
            let claimed = try await setup.store.campaignStep(
                id: setup.campaign.id, runnerToken: "dead", outcomes: [], claim: 3, now: past, lease: .seconds(30))
            #expect(claimed.recipients.map(\.position) == [0, 1, 2])
            let (end, interrupted) = try await setup.runner().run()
            #expect(end == .finished)
            #expect(interrupted == 3)
            let recipients = try await setup.recipients()
            #expect(recipients.prefix(3).allSatisfy { $0.state == .unknown })
            #expect(recipients.dropFirst(3).allSatisfy { $0.state == .sent })
            #expect(setup.sendsByRecipient.count == 7, "the three that may have gone were not sent again")
        }
    }

    @Test func aLiveRunnerKeepsOthersOut() async throws {
        try await SimulatorFixture.with { fixture in
            let setup = try await BroadcastSetup.make(fixture, count: 3)
            _ = try await setup.store.acquireCampaign(
                id: setup.campaign.id, runnerToken: "other", now: Date(), lease: .seconds(30), replacing: nil)
            await #expect(throws: StoreError.self) { try await setup.runner().run() }
            #expect(setup.sendTimes.isEmpty)
        }
    }
}

/// A runner that died on this machine is replaced at once, not after its lease.
@Suite struct RunnerIdentityTests {
    @Test func aGoneProcessIsDeadAndALiveOneIsNot() {
        let host = ProcessInfo.processInfo.hostName
        #expect(!RunnerIdentity.isDeadProcessOnThisHost(RunnerIdentity.newToken()), "this process is alive")
        #expect(!RunnerIdentity.isDeadProcessOnThisHost("\(host)/1/abc"), "pid 1 is alive")
        #expect(RunnerIdentity.isDeadProcessOnThisHost("\(host)/999999999/abc"))
        #expect(!RunnerIdentity.isDeadProcessOnThisHost("elsewhere.example/999999999/abc"), "another host: unknown")
        #expect(!RunnerIdentity.isDeadProcessOnThisHost("not a token"))
    }
}
