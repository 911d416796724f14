import Foundation
import SwitchboardEngine

/// The lines of `switchboard export --format jsonl`, and of `prune --export`, which keeps each removed text in
/// exactly the shape the export writes (and its campaigns in lines of their own).
package enum ExportLines {
    /// One text with its reply journal (oldest attempt first): a line of `export --format jsonl`.
    package static func text(
        _ transaction: InboxTransaction, journal: [ReplyJournalEntry], now: Date, window: ReplyWindow
    )
        -> JSONValue
    {
        var object = TransactionJSON.object(transaction, now: now, window: window)
        object["journal"] = .array(journal.map(TransactionJSON.attempt))
        return .object(object)
    }

    /// `{"campaign_recipient": {…}}`: a recipient as `export --campaign` writes it, with its campaign's id.
    package static func campaignRecipient(_ recipient: CampaignRecipient) -> JSONValue {
        guard case .object(var object) = CampaignJSON.recipient(recipient) else { return .null }
        object["campaign_id"] = .string(recipient.campaignID)
        return .object(["campaign_recipient": .object(object)])
    }

    /// `{"campaign": {…}}`: a broadcast as stored, without its runner (the recipients are lines of their own).
    package static func campaign(_ campaign: Campaign) -> JSONValue {
        .object([
            "campaign": .object([
                "id": .string(campaign.id), "created_at": .string(TransactionJSON.iso8601(campaign.createdAt)),
                "operator": .string(campaign.operatorName), "sender": .string(campaign.sender),
                "body": .string(campaign.body), "rate": .string(campaign.rate.description),
                "concurrency": .int(campaign.concurrency), "state": .string(campaign.state.rawValue),
                "source": .string(campaign.source), "recipient_count": .int(campaign.recipientCount),
            ])
        ])
    }
}
