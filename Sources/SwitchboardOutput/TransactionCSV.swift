import Foundation
import SwitchboardEngine
import SwitchboardText

/// RFC 4180 CSV of transactions, made for people and spreadsheets: every field is shown as the console shows it
/// (controls as visible symbols, so one record is one line and nothing in it can steer a terminal; bidi and other
/// invisible format characters removed), and no cell starts like a formula. JSON lines keep the exact text.
package enum CSV {
    package static let header =
        "id,tagg,tagg_known,received_at,deadline,status,message,encoding,reply,replied_at,operator,attempts,"
        + "last_return_code,resolution"

    package static func line(_ row: InboxTransaction, now: Date, window: ReplyWindow) -> String {
        [
            row.id, row.tagg, row.taggKnown ? "true" : "false", TransactionJSON.iso8601(row.receivedAt),
            TransactionJSON.iso8601(row.deadline(window: window)), row.status(now: now, window: window).rawValue,
            row.message, row.encoding.rawValue, row.replyMessage ?? "",
            row.repliedAt.map(TransactionJSON.iso8601) ?? "",
            row.operatorName ?? "", String(row.attemptCount), row.lastReturnCode.map(String.init) ?? "",
            row.resolution ?? "",
        ].map(field).joined(separator: ",")
    }

    /// The field made line-safe (``TextSanitizer/lineSafe(_:)``: TAB, CR and LF too), prefixed with `'` when it
    /// starts with `=`, `+`, `-` or `@` (looked at as a code point, so a combining mark on it does not hide it) so a
    /// spreadsheet does not run it as a formula, and quoted when it holds a comma or a quote.
    package static func field(_ value: String) -> String {
        var value = TextSanitizer.lineSafe(value)
        if let first = value.unicodeScalars.first, "=+-@".unicodeScalars.contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
