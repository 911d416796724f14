import ArgumentParser
import Foundation
import SwitchboardEngine
import SwitchboardOutput
import SwitchboardText

/// `switchboard reply`: answer one inbound text, exactly once.
struct ReplyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reply",
        abstract: "Answer one inbound text through Tagga (once, within its window).",
        discussion: """
            Checks the local rules first (window and safety margin, length for the character set, paid without
            payment, already answered or being answered by someone else), then claims the text, journals the attempt,
            sends it and records Tagga's answer. A lost answer is retried up to 3 times while the window is open.

            Examples:
              switchboard reply 100 --message "Your order is on its way"
              switchboard reply 100 --message "A longer, sponsor-free answer…" --paid --json

            Exit status: 0 replied, 1 refused or not replied (the reason and what to do are printed),
            2 bad usage or configuration.
            """
    )

    @OptionGroup var config: ConfigOption

    @Argument(help: "The transaction id of the text to answer (see `switchboard pending`).")
    var id: String

    @Option(help: "The reply: up to 100 latin / 50 other characters (140 / 70 paid).")
    var message: String

    @Flag(help: "Send it paid (sponsor-free, longer limit; needs tagga.payment_registered).")
    var paid = false

    @Flag(help: "Print one JSON document on stdout.")
    var json = false

    func run() async throws {
        let configuration = try config.load()
        let missing = configuration.missingForReplies
        guard missing.isEmpty else {
            Terminal.error("replies need \(missing.joined(separator: ", ")) to be set in the configuration")
            throw ExitStatus.badUsage
        }
        let engine = try await makeEngine(configuration)
        let report = await engine.replies.reply(transactionID: id, message: message, paid: paid)
        let transaction = try? await engine.store.transaction(id: id)
        let now = engine.clock.now()
        await engine.shutdown()
        let succeeded = ReplyReportText.succeeded(report)
        if json {
            var document = ReplyReportText.json(report)
            if let transaction {
                document["transaction"] = .object(TransactionJSON.object(transaction, now: now, window: engine.window))
            }
            Terminal.json(.object(document))
        } else {
            for line in ReplyReportText.lines(report) {
                if succeeded { Terminal.output(TextSanitizer.lineSafe(line)) } else { Terminal.error(line) }
            }
        }
        if !succeeded { throw ExitStatus.operationFailed }
    }
}
