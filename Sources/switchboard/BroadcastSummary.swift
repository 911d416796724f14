import Foundation
import SwitchboardConsole
import SwitchboardEngine

/// A broadcast's dry run for people (lines) and programs (JSON). Text from the recipients file is sanitized.
struct BroadcastSummary {
    let plan: BroadcastPlan

    var lines: [String] {
        var lines: [String] = []
        let list = plan.list
        let format: String
        switch list.format {
        case .csv: format = "CSV" + (list.phoneColumn.map { ", numbers from column \"\(safe($0))\"" } ?? "")
        case .plainText: format = "a list of numbers"
        case .typed: format = "numbers typed in"
        }
        lines.append("recipients: \(list.recipients.count) from \(safe(plan.source)) (\(format))")
        if list.duplicateCount > 0 { lines.append("duplicates left out: \(list.duplicateCount)") }
        if list.invalidCount > 0 {
            lines.append("invalid lines left out: \(list.invalidCount)")
            for invalid in list.invalid.prefix(10) {
                lines.append(
                    "  line \(invalid.line): \(safe(String(invalid.raw.prefix(60)))): \(safe(invalid.reason.description))"
                )
            }
            if list.invalidCount > 10 { lines.append("  … and \(list.invalidCount - 10) more") }
        }
        lines.append("sender: \(safe(plan.sender))")
        if let dryRun = plan.dryRun {
            let segments = dryRun.segments
            if let minimum = segments.minimum, let maximum = segments.maximum {
                let each = minimum == maximum ? "\(minimum)" : "\(minimum) to \(maximum)"
                let encodings = segments.encodings.map(\.rawValue).joined(separator: " and ")
                lines.append(
                    "segments: \(each) per message (\(encodings)), \(segments.total) in all for "
                        + "\(segments.messageCount) message(s)")
            }
            if let preview = dryRun.preview, dryRun.templateProblem == nil {
                lines.append("preview for \(preview.recipient.phone.e164): \(safe(preview.body))")
            }
        }
        for problem in plan.problems { lines.append("problem: \(safe(problem))") }
        return lines
    }

    var json: JSONValue {
        let list = plan.list
        var object: [String: JSONValue] = [
            "recipients": .int(list.recipients.count), "duplicates": .int(list.duplicateCount),
            "invalid_count": .int(list.invalidCount), "sender": .string(plan.sender),
            "can_send": .bool(plan.canSend), "problems": .array(plan.problems.map(JSONValue.string)),
            "invalid": .array(
                list.invalid.map {
                    .object([
                        "line": .int($0.line), "text": .string($0.raw), "reason": .string($0.reason.description),
                    ])
                }),
        ]
        if let dryRun = plan.dryRun {
            object["segments_total"] = .int(dryRun.segments.total)
            object["segments_min"] = dryRun.segments.minimum.map(JSONValue.int) ?? .null
            object["segments_max"] = dryRun.segments.maximum.map(JSONValue.int) ?? .null
            object["encodings"] = .array(dryRun.segments.encodings.map { .string($0.rawValue) })
            if let preview = dryRun.preview, dryRun.templateProblem == nil {
                object["preview"] = .object([
                    "to": .string(preview.recipient.phone.e164), "body": .string(preview.body),
                ])
            }
        }
        return .object(object)
    }

    private func safe(_ text: String) -> String { TextSanitizer.lineSafe(text) }
}

/// How a broadcast run ended, for people and programs.
struct BroadcastReport {
    let campaign: Campaign
    let end: BroadcastRunEnd
    let interrupted: Int
    let tally: CampaignTally
    let notSent: [CampaignRecipient]

    var lines: [String] {
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

    var json: JSONValue {
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

/// A campaign's recipients as JSON and CSV (for `broadcast --json` and `export --campaign`).
enum CampaignJSON {
    static func recipient(_ recipient: CampaignRecipient) -> JSONValue {
        .object([
            "position": .int(recipient.position), "phone": .string(recipient.phone), "line": .int(recipient.line),
            "state": .string(recipient.state.rawValue), "attempts": .int(recipient.attempts),
            "http_status": recipient.httpStatus.map(JSONValue.int) ?? .null,
            "detail": recipient.detail.map(JSONValue.string) ?? .null, "body": .string(recipient.body),
            "updated_at": .string(TransactionJSON.iso8601(recipient.updatedAt)),
        ])
    }

    static let csvHeader = "position,phone,line,state,attempts,http_status,detail,body,updated_at"

    static func csvLine(_ recipient: CampaignRecipient) -> String {
        [
            String(recipient.position), recipient.phone, String(recipient.line), recipient.state.rawValue,
            String(recipient.attempts), recipient.httpStatus.map(String.init) ?? "", recipient.detail ?? "",
            recipient.body, TransactionJSON.iso8601(recipient.updatedAt),
        ].map(CSV.field).joined(separator: ",")
    }
}
