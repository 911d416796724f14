/// How many recipients of a campaign are in each state.
package struct CampaignTally: Sendable, Hashable {
    package var counts: [RecipientState: Int]

    package init(counts: [RecipientState: Int] = [:]) {
        self.counts = counts
    }

    package subscript(state: RecipientState) -> Int { counts[state] ?? 0 }

    package var total: Int { counts.values.reduce(0, +) }
    /// Recipients whose broadcast is over.
    package var done: Int { RecipientState.allCases.filter(\.isFinal).reduce(0) { $0 + self[$1] } }
    /// Every recipient is in a final state.
    package var isFinished: Bool { self[.queued] == 0 && self[.sending] == 0 }
    /// Every recipient was sent.
    package var allSent: Bool { self[.sent] == total }

    /// `120 sent · 2 rejected · 1 failed · 0 unknown · 877 to go`.
    package var summary: String {
        var parts = [RecipientState.sent, .rejected, .failed, .unknown].map { "\(self[$0]) \($0.rawValue)" }
        let left = self[.queued] + self[.sending]
        if left > 0 { parts.append("\(left) to go") }
        return parts.joined(separator: " · ")
    }
}
