import Foundation
import SwitchboardEngine

/// The JSON shape of a transaction in `pending --json`, `reply --json` and `export`.
package enum TransactionJSON {
    package static func object(_ transaction: InboxTransaction, now: Date, window: ReplyWindow) -> [String: JSONValue] {
        var object: [String: JSONValue] = [
            "id": .string(transaction.id),
            "tagg": .string(transaction.tagg),
            "tagg_known": .bool(transaction.taggKnown),
            "message": .string(transaction.message),
            "encoding": .string(transaction.encoding.rawValue),
            "received_at": .string(iso8601(transaction.receivedAt)),
            "deadline": .string(iso8601(transaction.deadline(window: window))),
            "seconds_left": .int(
                Int(window.timeLeft(receivedAt: transaction.receivedAt, now: now).timeInterval.rounded(.down))),
            "state": .string(transaction.state.rawValue),
            "status": .string(transaction.status(now: now, window: window).rawValue),
            "attempts": .int(transaction.attemptCount),
        ]
        if let resolution = transaction.resolution { object["resolution"] = .string(resolution) }
        if let reply = transaction.replyMessage { object["reply"] = .string(reply) }
        if let repliedAt = transaction.repliedAt { object["replied_at"] = .string(iso8601(repliedAt)) }
        if let name = transaction.operatorName { object["operator"] = .string(name) }
        if let code = transaction.lastReturnCode { object["last_return_code"] = .int(code) }
        if let claim = transaction.claim { object["claimed_by"] = .string(claim.operatorName) }
        return object
    }

    package static func attempt(_ entry: ReplyJournalEntry) -> JSONValue {
        var object: [String: JSONValue] = [
            "id": .int(Int(entry.id)), "operator": .string(entry.operatorName), "message": .string(entry.message),
            "paid": .bool(entry.paid), "request": .string(entry.requestBody),
            "started_at": .string(iso8601(entry.startedAt)), "outcome": .string(entry.outcome?.rawValue ?? "in-flight"),
        ]
        if let finished = entry.finishedAt { object["finished_at"] = .string(iso8601(finished)) }
        if let code = entry.returnCode { object["return_code"] = .int(code) }
        if let body = entry.responseBody { object["response"] = .string(body) }
        if let detail = entry.detail { object["detail"] = .string(detail) }
        return .object(object)
    }

    package static func iso8601(_ date: Date) -> String { Timestamp.iso8601(date) }
}
