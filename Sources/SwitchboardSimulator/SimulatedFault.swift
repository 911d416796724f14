import Synchronization

/// What the simulator does to one request instead of (or before) answering it normally.
package enum SimulatedFault: Sendable, Hashable {
    /// Answer normally after this delay.
    case latency(Duration)
    /// Answer `500 Internal Server Error` without acting on the request.
    case serverError
    /// Answer `429 Too Many Requests` without acting on it, with `Retry-After` seconds if given.
    case throttled(retryAfterSeconds: Int?)
    /// Read the body, act on the request, then never answer (the client's read timeout fires).
    case timeoutAfterBody
    /// Read the body, act on the request, then close the connection without answering.
    case dropAfterBody
    /// Answer a Tagga reply with this return code without acting on it (reaches codes the rules would not give).
    case taggaReturnCode(Int)
    /// Refuse a Tagget send with HTTP 400 and this message, without acting on it (a number the carrier rejects).
    case taggetRejected(String)
}

/// The two fake providers, for aiming faults at one of them.
package enum SimulatedEndpoint: String, Sendable, Hashable, CaseIterable {
    case taggaReply = "tagga"
    case taggetSend = "tagget"
}

/// Random fault shares (for the demo and benchmarks) plus scripted faults consumed first (for tests).
package struct FaultPlan: Sendable, Hashable {
    /// Added to every provider answer.
    package var latency: Duration = .zero
    /// Shares in 0...1 of requests answered 500, 429, left unanswered, or dropped.
    package var serverErrorShare: Double = 0
    package var throttleShare: Double = 0
    package var timeoutShare: Double = 0
    package var dropShare: Double = 0
    /// `Retry-After` seconds on random 429s (nil: no header).
    package var retryAfterSeconds: Int? = 1

    package init() {}
}

/// Decides the fault for each request: scripted first, then by chance from the plan (seeded, reproducible).
package final class FaultInjector: Sendable {
    private struct State {
        var plan: FaultPlan
        var scripted: [SimulatedEndpoint: [SimulatedFault]] = [:]
        /// Faults for Tagget sends to one number (E.164), taken before the endpoint's.
        var scriptedForRecipient: [String: [SimulatedFault]] = [:]
        var random: SeededGenerator
    }

    private let state: Mutex<State>

    package init(plan: FaultPlan = FaultPlan(), seed: UInt64 = 0x5EED) {
        state = Mutex(State(plan: plan, random: SeededGenerator(seed: seed)))
    }

    /// Replaces the random plan.
    package func setPlan(_ plan: FaultPlan) {
        state.withLock { $0.plan = plan }
    }

    /// Queues faults for the next requests to `endpoint`, one each, in order.
    package func script(_ faults: [SimulatedFault], for endpoint: SimulatedEndpoint) {
        state.withLock { $0.scripted[endpoint, default: []].append(contentsOf: faults) }
    }

    /// Queues faults for the next Tagget sends to `recipient` (E.164), one each, in order: one number can fail
    /// while the others go through.
    package func script(_ faults: [SimulatedFault], forRecipient recipient: String) {
        state.withLock { $0.scriptedForRecipient[recipient, default: []].append(contentsOf: faults) }
    }

    /// The faults for the next request to `endpoint` (latency first, at most one other), for `recipient` when the
    /// request is a send to that number.
    package func next(for endpoint: SimulatedEndpoint, recipient: String? = nil) -> [SimulatedFault] {
        state.withLock { state in
            if let recipient, var queue = state.scriptedForRecipient[recipient], !queue.isEmpty {
                let fault = queue.removeFirst()
                state.scriptedForRecipient[recipient] = queue
                return [fault]
            }
            if var queue = state.scripted[endpoint], !queue.isEmpty {
                let fault = queue.removeFirst()
                state.scripted[endpoint] = queue
                return [fault]
            }
            var faults: [SimulatedFault] = []
            let plan = state.plan
            if plan.latency > .zero { faults.append(.latency(plan.latency)) }
            let roll = Double.random(in: 0..<1, using: &state.random)
            var threshold = plan.serverErrorShare
            if roll < threshold { return faults + [.serverError] }
            threshold += plan.throttleShare
            if roll < threshold { return faults + [.throttled(retryAfterSeconds: plan.retryAfterSeconds)] }
            threshold += plan.timeoutShare
            if roll < threshold { return faults + [.timeoutAfterBody] }
            threshold += plan.dropShare
            if roll < threshold { return faults + [.dropAfterBody] }
            return faults
        }
    }
}

/// SplitMix64: a small reproducible random source.
package struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    package init(seed: UInt64) { state = seed }

    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
