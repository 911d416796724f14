import SwitchboardEngine

/// A worked-out broadcast (the engine's ``BroadcastPlan``) and the request it answers. Two are equal when they
/// answer the same request, so effects and events holding one can be compared in tests.
package struct PlannedBroadcast: Sendable, Hashable {
    package var generation: Int
    package var plan: BroadcastPlan

    package init(generation: Int, plan: BroadcastPlan) {
        self.generation = generation
        self.plan = plan
    }

    package static func == (lhs: Self, rhs: Self) -> Bool { lhs.generation == rhs.generation }
    package func hash(into hasher: inout Hasher) { hasher.combine(generation) }

    /// How many recipients would be texted.
    package var recipientCount: Int { plan.dryRun?.recipientCount ?? 0 }
}
