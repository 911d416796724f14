import ArgumentParser
import Foundation
import SwitchboardConsole
import SwitchboardEngine

/// `switchboard export`: every transaction, for audit or analysis.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write every stored transaction to stdout, as JSON lines (with the reply journal) or CSV.",
        discussion: """
            Examples:
              switchboard export > inbox.jsonl
              switchboard export --format csv > inbox.csv
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case jsonl
        case csv
    }

    @OptionGroup var config: ConfigOption

    @Option(help: "jsonl (one transaction per line, with its attempts) or csv (one row per transaction).")
    var format: Format = .jsonl

    func run() async throws {
        let configuration = try config.load()
        let engine = try makeEngine(configuration)
        let now = engine.clock.now()
        do {
            let rows = try await engine.store.transactions(.all)
            switch format {
            case .jsonl:
                let journals = Dictionary(grouping: try await engine.store.allJournalEntries(), by: \.transactionID)
                Terminal.jsonStream(rows, asArray: false) { row in
                    var object = TransactionJSON.object(row, now: now, window: engine.window)
                    object["journal"] = .array((journals[row.id] ?? []).map(TransactionJSON.attempt))
                    return .object(object)
                }
            case .csv:
                // Verbatim into a file or pipe; made safe when stdout is a terminal.
                let sanitize = isatty(STDOUT_FILENO) == 1
                Terminal.output(CSV.header)
                for row in rows {
                    let line = CSV.line(row, now: now, window: engine.window)
                    Terminal.output(sanitize ? TextSanitizer.lineSafe(line) : line)
                }
            }
            Terminal.note("\(rows.count) transaction(s) exported")
        } catch {
            await engine.shutdown()
            Terminal.error("cannot read the store: \(error)")
            throw ExitStatus.operationFailed
        }
        await engine.shutdown()
    }
}

/// RFC 4180 CSV of transactions.
enum CSV {
    static let header =
        "id,tagg,tagg_known,received_at,deadline,status,message,encoding,reply,replied_at,operator,attempts,"
        + "last_return_code,resolution"

    static func line(_ row: InboxTransaction, now: Date, window: ReplyWindow) -> String {
        [
            row.id, row.tagg, row.taggKnown ? "true" : "false", TransactionJSON.iso8601(row.receivedAt),
            TransactionJSON.iso8601(row.deadline(window: window)), row.status(now: now, window: window).rawValue,
            row.message, row.encoding.rawValue, row.replyMessage ?? "",
            row.repliedAt.map(TransactionJSON.iso8601) ?? "",
            row.operatorName ?? "", String(row.attemptCount), row.lastReturnCode.map(String.init) ?? "",
            row.resolution ?? "",
        ].map(field).joined(separator: ",")
    }

    /// Quotes a field when it holds a comma, quote or line break; a leading =, +, - or @ is prefixed with '
    /// so a spreadsheet does not run it as a formula.
    static func field(_ value: String) -> String {
        var value = value
        if let first = value.first, "=+-@".contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
