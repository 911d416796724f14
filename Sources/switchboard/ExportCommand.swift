import ArgumentParser
import Foundation
import SwitchboardEngine
import SwitchboardOutput
import SwitchboardText

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

extension ExportCommand {
    /// A campaign's recipients, in list order, read a page at a time.
    private func exportCampaign(_ id: String, store: any CampaignStore) async throws {
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
