import ArgumentParser
import Foundation
import SwitchboardEngine
import SwitchboardOutput

/// `switchboard broadcast`: one text to a list of numbers through Tagget, paced, resumable, never twice.
struct BroadcastCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "broadcast",
        abstract: "Send one text to a list of numbers through Tagget, paced and resumable.",
        discussion: """
            Recipients come from a CSV file (the phone, to or number column, else the first) or a text file (one
            number per line, or several separated by commas); `-` reads them from stdin. Numbers are normalised;
            invalid lines are listed with their line numbers and left out; duplicates are sent once. The body may
            use {column} placeholders from the CSV, filled in for each recipient.

            The campaign id is the first line on stderr (`campaign <ID>`): if the process stops (Ctrl-C, a crash),
            `--resume ID` carries on exactly where it stopped. A recipient whose send was in flight when it died is
            reported unknown (it may have been texted) and is never sent again unless you ask (`--retry-unknown`).

            Examples:
              switchboard broadcast --recipients customers.csv --body "Hi {name}, your order is ready" --dry-run
              switchboard broadcast --recipients numbers.txt --body "We open at 9 tomorrow" --rate 5
              switchboard broadcast --resume c-7k2m9qpx4d --retry-failed

            Exit status: 0 every recipient sent, 1 some rejected, failed, unknown or not sent (or cancelled),
            2 invalid input or configuration.
            """
    )

    @OptionGroup var config: ConfigOption

    @Option(help: "The recipients: a .csv or text file, or - for stdin.")
    var recipients: String?

    @Option(help: "The text to send (1-1600 characters after placeholders are filled in).")
    var body: String?

    @Option(help: "The sender name or number; default tagget.sender.")
    var sender: String?

    @Option(help: "Requests per second, or `unlimited`; default tagget.rate (10).")
    var rate: String?

    @Option(help: "Requests in flight at once (1-64); default tagget.concurrency (4).")
    var concurrency: Int?

    @Flag(help: "Show what would be sent (recipients, invalid lines, segments) and send nothing.")
    var dryRun = false

    @Option(help: "Carry on a stored campaign by its id instead of starting one.")
    var resume: String?

    @Flag(help: "With --resume: queue the failed recipients again (nothing was sent to them).")
    var retryFailed = false

    @Flag(help: "With --resume: queue the unknown recipients again. They MAY have been texted already.")
    var retryUnknown = false

    @Flag(
        help: "Do not ask to confirm a broadcast to more than \(BroadcastConfirmation.typedCountThreshold) recipients.")
    var yes = false

    @Flag(help: "Print one JSON document on stdout (the dry run, or the result) instead of text.")
    var json = false

    func validate() throws {
        if resume == nil {
            guard recipients != nil, body != nil else {
                throw ValidationError("give --recipients and --body (or --resume ID to carry on a campaign)")
            }
        } else if recipients != nil || body != nil {
            throw ValidationError("--resume carries on a stored campaign: its recipients and body are stored")
        }
        if (retryFailed || retryUnknown) && resume == nil {
            throw ValidationError("--retry-failed and --retry-unknown go with --resume ID")
        }
        if let rate, BroadcastRate(parsing: rate) == nil {
            throw ValidationError("--rate \(rate): give requests per second (e.g. 10 or 2.5) or `unlimited`")
        }
        if let concurrency, !(1...64).contains(concurrency) {
            throw ValidationError("--concurrency \(concurrency): give 1 to 64")
        }
    }

    func run() async throws {
        let configuration = try config.load()
        let engine = try await makeEngine(configuration)
        guard let service = engine.broadcasts else {
            await engine.shutdown()
            Terminal.error(
                "tagget.id and tagget.token must be set to broadcast (in the config file, or SWITCHBOARD_TAGGET_ID "
                    + "and SWITCHBOARD_TAGGET_TOKEN); nothing was sent")
            throw ExitStatus.badUsage
        }
        let result: Result<Void, any Error>
        do {
            if let resume {
                try await carryOn(resume, service: service)
            } else {
                try await start(service: service)
            }
            result = .success(())
        } catch {
            result = .failure(error)
        }
        await engine.shutdown()
        try result.get()
    }

    // MARK: - Starting

    private func start(service: BroadcastService) async throws {
        let (text, fileName) = try readRecipients()
        let plan = service.plan(recipients: text, fileName: fileName, body: body ?? "", sender: sender)
        let summary = BroadcastSummary(plan: plan)
        if dryRun {
            if json { Terminal.json(summary.json) } else { summary.lines.forEach(Terminal.output) }
            if !plan.canSend { throw ExitStatus.badUsage }
            return
        }
        guard plan.canSend else {
            summary.lines.forEach(Terminal.note)
            for problem in plan.problems { Terminal.error(problem) }
            Terminal.error("nothing was sent")
            throw ExitStatus.badUsage
        }
        let count = plan.dryRun?.recipientCount ?? 0
        if BroadcastConfirmation.needsTypedCount(count), !yes, isatty(STDIN_FILENO) == 1 {
            guard Confirmation.typedCount(count, summary: summary.lines) else {
                Terminal.error("not confirmed; nothing was sent")
                throw ExitStatus.operationFailed
            }
        }
        let campaign: Campaign
        do {
            campaign = try await service.create(
                plan, rate: rate.flatMap(BroadcastRate.init(parsing:)), concurrency: concurrency)
        } catch {
            Terminal.error("cannot store the campaign: \(error); nothing was sent")
            throw ExitStatus.operationFailed
        }
        Terminal.note("campaign \(campaign.id)")
        if !json { summary.lines.forEach(Terminal.note) }
        try await send(campaign, service: service)
    }

    /// The recipients' text and the file's name (nil for stdin, read as typed text).
    private func readRecipients() throws -> (String, String?) {
        let path = recipients ?? "-"
        if path == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            return (String(decoding: data, as: UTF8.self), nil)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot be read" : "does not exist"
            Terminal.error("the recipients file \(path) \(reason); nothing was sent")
            throw ExitStatus.badUsage
        }
        return (String(decoding: data, as: UTF8.self), path)
    }

    // MARK: - Resuming

    private func carryOn(_ id: String, service: BroadcastService) async throws {
        guard let campaign = try await service.store.campaign(id: id) else {
            Terminal.error("no campaign \(id) in the store (switchboard broadcast prints its id first, on stderr)")
            throw ExitStatus.badUsage
        }
        Terminal.note("campaign \(campaign.id)")
        do {
            if retryFailed {
                Terminal.note("\(try await service.retryFailed(campaignID: id)) failed recipient(s) queued again")
            }
            if retryUnknown {
                Terminal.note(
                    "\(try await service.retryUnknown(campaignID: id)) unknown recipient(s) queued again: "
                        + "they may get the text twice")
            }
        } catch {
            Terminal.error("\(error)")
            throw ExitStatus.operationFailed
        }
        try await send(campaign, service: service)
    }

    // MARK: - Sending

    private func send(_ campaign: Campaign, service: BroadcastService) async throws {
        let runner = service.runner(
            for: campaign, rate: rate.flatMap(BroadcastRate.init(parsing:)), concurrency: concurrency)
        let progress = ProgressPrinter(isTerminal: isatty(STDERR_FILENO) == 1)
        let signals = Task {
            await TerminationSignals.waitForTermination()
            guard !Task.isCancelled else { return }
            progress.interrupt("stopping after the sends in flight…")
            runner.cancel()
        }
        defer { signals.cancel() }
        let outcome: (end: BroadcastRunEnd, interrupted: Int)
        do {
            outcome = try await runner.run { progress.show($0) }
        } catch {
            progress.finish()
            Terminal.error("\(error)")
            throw ExitStatus.operationFailed
        }
        progress.finish()
        signals.cancel()
        let tally = try await service.store.campaignTally(id: campaign.id)
        let notSent = try await service.store.campaignRecipients(
            id: campaign.id, states: [.rejected, .failed, .unknown], afterPosition: -1, limit: 1000)
        let report = BroadcastReport(
            campaign: campaign, end: outcome.end, interrupted: outcome.interrupted, tally: tally, notSent: notSent)
        if json { Terminal.json(report.json) } else { report.lines.forEach(Terminal.note) }
        if outcome.end != .finished || !tally.allSent { throw ExitStatus.operationFailed }
    }
}
