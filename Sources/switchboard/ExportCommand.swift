import ArgumentParser
import Foundation
import SwitchboardConsole
import SwitchboardEngine

/// `switchboard export`: every transaction, for audit or analysis.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write every stored transaction (or a broadcast's recipients) to stdout, as JSON lines or CSV.",
        discussion: """
            Examples:
              switchboard export > inbox.jsonl
              switchboard export --format csv > inbox.csv
              switchboard export --campaign c-7k2m9qpx4d --format csv > results.csv
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case jsonl
        case csv
    }

    @OptionGroup var config: ConfigOption

    @Option(help: "jsonl (one transaction per line, with its attempts) or csv (one row per transaction).")
    var format: Format = .jsonl

    @Option(help: "Export this broadcast's recipients and what became of each, instead of the inbox.")
    var campaign: String?

    func run() async throws {
        let configuration = try config.load()
        let engine = try await makeEngine(configuration)
        if let campaign {
            do {
                try await exportCampaign(campaign, store: engine.store)
            } catch {
                await engine.shutdown()
                throw error
            }
            await engine.shutdown()
            return
        }
        let now = engine.clock.now()
        do {
            let rows = try await engine.store.transactions(.all)
            switch format {
            case .jsonl:
                let journals = Dictionary(grouping: try await engine.store.allJournalEntries(), by: \.transactionID)
                Terminal.jsonStream(rows, asArray: false) { row in
                    ExportLines.text(row, journal: journals[row.id] ?? [], now: now, window: engine.window)
                }
            case .csv:
                Terminal.output(CSV.header)
                for row in rows { Terminal.output(CSV.line(row, now: now, window: engine.window)) }
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

/// RFC 4180 CSV of transactions, made for people and spreadsheets: every field is shown as the console shows it
/// (controls as visible symbols, so one record is one line and nothing in it can steer a terminal; bidi and other
/// invisible format characters removed), and no cell starts like a formula. JSON lines keep the exact text.
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

    /// The field made line-safe (``TextSanitizer/lineSafe(_:)``: TAB, CR and LF too), prefixed with `'` when it
    /// starts with `=`, `+`, `-` or `@` (looked at as a code point, so a combining mark on it does not hide it) so a
    /// spreadsheet does not run it as a formula, and quoted when it holds a comma or a quote.
    static func field(_ value: String) -> String {
        var value = TextSanitizer.lineSafe(value)
        if let first = value.unicodeScalars.first, "=+-@".unicodeScalars.contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

extension ExportCommand {
    /// A campaign's recipients, in list order, read a page at a time.
    private func exportCampaign(_ id: String, store: any Store) async throws {
        guard try await store.campaign(id: id) != nil else {
            Terminal.error("no campaign \(id) in the store")
            throw ExitStatus.badUsage
        }
        if format == .csv { Terminal.output(CampaignJSON.csvHeader) }
        var after = -1
        var count = 0
        while true {
            let page = try await store.campaignRecipients(id: id, states: nil, afterPosition: after, limit: 5000)
            guard let last = page.last else { break }
            switch format {
            case .jsonl: Terminal.jsonStream(page, asArray: false, CampaignJSON.recipient)
            case .csv:
                for recipient in page { Terminal.output(CampaignJSON.csvLine(recipient)) }
            }
            count += page.count
            after = last.position
        }
        Terminal.note("\(count) recipient(s) of campaign \(id) exported")
    }
}
