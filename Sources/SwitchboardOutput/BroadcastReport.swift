import SwitchboardEngine
import SwitchboardText

/// How a broadcast run ended, for people and programs.
package struct BroadcastReport {
    package let campaign: Campaign
    package let end: BroadcastRunEnd
    package let interrupted: Int
    package let tally: CampaignTally
    package let notSent: [CampaignRecipient]

    package init(
        campaign: Campaign, end: BroadcastRunEnd, interrupted: Int, tally: CampaignTally, notSent: [CampaignRecipient]
    ) {
        self.campaign = campaign
        self.end = end
        self.interrupted = interrupted
        self.tally = tally
        self.notSent = notSent
    }

    package var lines: [String] {
        var lines: [String] = []
        if interrupted > 0 {
            lines.append(
                "\(interrupted) recipient(s) were being sent when the last run stopped: they are unknown (they may "
                    + "have been texted) and were not sent again; --retry-unknown sends them again")
        }
        switch end {
        case .finished: lines.append("done: \(tally.summary)")
        case .cancelled:
            lines.append("stopped: \(tally.summary)")
            lines.append("carry on with: switchboard broadcast --resume \(campaign.id)")
        case .lost: lines.append("another process took this campaign over; this one stopped: \(tally.summary)")
        }
        for recipient in notSent.prefix(20) {
            let detail = TextSanitizer.lineSafe(recipient.detail ?? "")
            lines.append("  \(recipient.state.rawValue) \(recipient.phone) (line \(recipient.line)): \(detail)")
        }
        if notSent.count > 20 || tally[.rejected] + tally[.failed] + tally[.unknown] > notSent.count {
            lines.append("  … the full list: switchboard export --campaign \(campaign.id) --format csv")
        }
        if tally[.failed] > 0 { lines.append("failed ones were not texted: --resume \(campaign.id) --retry-failed") }
        return lines
    }

    package var json: JSONValue {
        var counts: [String: JSONValue] = [:]
        for state in RecipientState.allCases { counts[state.rawValue] = .int(tally[state]) }
        return .object([
            "campaign": .string(campaign.id),
            "end": .string(
                {
                    switch end {
                    case .finished: "finished"
                    case .cancelled: "cancelled"
                    case .lost: "lost"
                    }
                }()),
            "interrupted": .int(interrupted), "counts": .object(counts),
            "not_sent": .array(notSent.map(CampaignJSON.recipient)),
        ])
    }
}
