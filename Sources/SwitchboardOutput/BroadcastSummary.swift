import Foundation
import SwitchboardEngine
import SwitchboardText

/// A broadcast's dry run for people (lines) and programs (JSON). Text from the recipients file is sanitized.
package struct BroadcastSummary {
    package let plan: BroadcastPlan

    package init(plan: BroadcastPlan) { self.plan = plan }

    package var lines: [String] {
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

    package var json: JSONValue {
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
