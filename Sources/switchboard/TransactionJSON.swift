import Foundation
import SwitchboardEngine

/// The JSON shape of a transaction in `pending --json`, `reply --json` and `export`.
enum TransactionJSON {
    static func object(_ transaction: InboxTransaction, now: Date, window: ReplyWindow) -> [String: Any] {
        var object: [String: Any] = [
            "id": transaction.id,
            "tagg": transaction.tagg,
            "tagg_known": transaction.taggKnown,
            "message": transaction.message,
            "encoding": transaction.encoding.rawValue,
            "received_at": iso8601(transaction.receivedAt),
            "deadline": iso8601(transaction.deadline(window: window)),
            "seconds_left": Int(
                window.timeLeft(receivedAt: transaction.receivedAt, now: now).timeInterval.rounded(.down)),
            "state": transaction.state.rawValue,
            "status": transaction.status(now: now, window: window).rawValue,
            "attempts": transaction.attemptCount,
        ]
        if let resolution = transaction.resolution { object["resolution"] = resolution }
        if let reply = transaction.replyMessage { object["reply"] = reply }
        if let repliedAt = transaction.repliedAt { object["replied_at"] = iso8601(repliedAt) }
        if let name = transaction.operatorName { object["operator"] = name }
        if let code = transaction.lastReturnCode { object["last_return_code"] = code }
        if let claim = transaction.claim { object["claimed_by"] = claim.operatorName }
        return object
    }

    static func attempt(_ entry: ReplyJournalEntry) -> [String: Any] {
        var object: [String: Any] = [
            "id": entry.id, "operator": entry.operatorName, "message": entry.message, "paid": entry.paid,
            "request": entry.requestBody, "started_at": iso8601(entry.startedAt),
            "outcome": entry.outcome?.rawValue ?? "in-flight",
        ]
        if let finished = entry.finishedAt { object["finished_at"] = iso8601(finished) }
        if let code = entry.returnCode { object["return_code"] = code }
        if let body = entry.responseBody { object["response"] = body }
        if let detail = entry.detail { object["detail"] = detail }
        return object
    }

    static func iso8601(_ date: Date) -> String {
        date.formatted(
            .iso8601.year().month().day().time(includingFractionalSeconds: true).timeZone(separator: .omitted))
    }
}

/// `mm:ss` (or `h:mm:ss`) left, `-mm:ss` when overdue.
enum TimeLeftText {
    static func format(_ duration: Duration) -> String {
        let total = Int(duration.timeInterval.rounded(.down))
        let sign = total < 0 ? "-" : ""
        let seconds = abs(total)
        let (hours, minutes, rest) = (seconds / 3600, seconds % 3600 / 60, seconds % 60)
        if hours > 0 { return sign + String(format: "%d:%02d:%02d", hours, minutes, rest) }
        return sign + String(format: "%02d:%02d", minutes, rest)
    }
}
