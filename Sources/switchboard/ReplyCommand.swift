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

/// How a reply report is told to a person or a script.
enum ReplyReportText {
    static func succeeded(_ report: ReplyReport) -> Bool {
        if case .finished(let resolution, _) = report {
            return resolution == .replied || resolution == .repliedConfirmedByDuplicate
        }
        return false
    }

    static func lines(_ report: ReplyReport) -> [String] {
        switch report {
        case .notFound(let id):
            return ["no transaction \(id) in the store; see `switchboard pending` for the open ones"]
        case .refused(let refusal, let holder):
            var lines = ["refused, nothing sent (code \(refusal.providerCode) equivalent): \(refusal.reason)"]
            if let holder {
                lines.append("held by \(holder.operatorName) since \(TransactionJSON.iso8601(holder.claimedAt))")
            }
            lines.append(refusal.advice)
            return lines
        case .finished(let resolution, let attempts):
            var lines = attempts.map(attemptLine)
            lines.append(resolution.summary)
            if case .stillPending(let code) = resolution { lines.append(code.nextStep) }
            if resolution == .unknown {
                lines.append("The text stays open: run the same reply again (a duplicate is refused by Tagga with 19).")
            }
            return lines
        case .storeFailed(let reason, let attempts) where attempts.isEmpty:
            return [
                "the store failed, nothing was sent: \(reason)",
                "Fix the store (see the reason above), then send the reply again.",
            ]
        case .storeFailed(let reason, let attempts):
            return attempts.map(attemptLine) + [
                "the store failed: \(reason)",
                "Anything sent is journaled as outcome unknown; check `switchboard pending` before replying again.",
            ]
        }
    }

    static func attemptLine(_ attempt: TaggaReplyAttempt) -> String {
        switch attempt.outcome {
        case .answered(let response, _):
            var line = "attempt \(attempt.number): \(response.returnCode) — \(response.returnCode.explanation)"
            if case .unrecognized = response.returnCode, let message = response.message {
                line += " Tagga said: \(message)"
            }
            return line
        case .unknown(let reason):
            return "attempt \(attempt.number): outcome unknown — \(reason)"
        }
    }

    static func json(_ report: ReplyReport) -> [String: JSONValue] {
        switch report {
        case .notFound(let id):
            return ["result": "not-found", "id": .string(id)]
        case .refused(let refusal, let holder):
            var object: [String: JSONValue] = [
                "result": "refused", "code_equivalent": .int(refusal.providerCode), "reason": .string(refusal.reason),
                "advice": .string(refusal.advice),
            ]
            if let holder { object["held_by"] = .string(holder.operatorName) }
            return object
        case .finished(let resolution, let attempts):
            return [
                "result": .string(TransactionState(after: resolution).rawValue),
                "resolution": .string(resolution.summary), "attempts": .array(attempts.map(attemptJSON)),
            ]
        case .storeFailed(let reason, let attempts):
            return [
                "result": "store-failed", "reason": .string(reason), "attempts": .array(attempts.map(attemptJSON)),
            ]
        }
    }

    private static func attemptJSON(_ attempt: TaggaReplyAttempt) -> JSONValue {
        switch attempt.outcome {
        case .answered(let response, _):
            return .object([
                "number": .int(attempt.number), "return_code": .int(response.returnCode.code),
                "explanation": .string(response.returnCode.explanation),
                "next_step": .string(response.returnCode.nextStep),
            ])
        case .unknown(let reason):
            return .object([
                "number": .int(attempt.number), "outcome": "unknown", "reason": .string(reason.description),
            ])
        }
    }
}
