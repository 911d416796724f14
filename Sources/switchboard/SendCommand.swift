import ArgumentParser
import AsyncHTTPClient
import Foundation
import SwitchboardEngine
import SwitchboardOutput
import SwitchboardText

/// `switchboard send`: one text to one number through Tagget.
struct SendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send",
        abstract: "Send one SMS through Tagget.",
        discussion: """
            The number is normalised to E.164 (spaces, dashes, dots and brackets dropped) and checked, with the
            sender and the body, before anything is sent. Transient failures (429, 5xx, refused connections) are
            retried; a send whose answer was lost is reported as unknown and never re-sent on its own.

            Example:
              switchboard send --to "+1 (839) 753-6474" --body "Your table is ready" --sender Bistro

            Exit status: 0 sent, 1 rejected/failed/unknown, 2 invalid input or configuration.
            """
    )

    @OptionGroup var config: ConfigOption

    @Option(help: "The recipient, in international format, e.g. +18397536474.")
    var to: String

    @Option(help: "The text to send (1-1600 characters).")
    var body: String

    @Option(help: "The sender name (1-11 letters/digits/spaces) or number; default tagget.sender.")
    var sender: String?

    @Flag(help: "Print one JSON document on stdout instead of text.")
    var json = false

    func run() async throws {
        let configuration = try config.load()
        let request: TaggetSendRequest
        switch TaggetSendRequest.validate(to: to, body: body, sender: sender ?? configuration.tagget.sender.value) {
        case .failure(let error):
            for problem in error.problems { Terminal.error(problem) }
            Terminal.error("nothing was sent")
            throw ExitStatus.badUsage
        case .success(let valid):
            request = valid
        }
        guard let id = configuration.tagget.id, !configuration.tagget.token.isEmpty else {
            Terminal.error(
                "tagget.id and tagget.token must be set to send (in the config file, or SWITCHBOARD_TAGGET_ID "
                    + "and SWITCHBOARD_TAGGET_TOKEN); nothing was sent")
            throw ExitStatus.badUsage
        }
        let account = TaggetAccount(
            baseURL: configuration.tagget.baseURL.absoluteString, id: Int64(id), token: configuration.tagget.token)
        let segments = SegmentCalculator.calculate(request.body.text)
        if !json {
            Terminal.note(
                "sending to \(request.to.e164) as \(request.sender.value): \(segments.segmentCount) segment(s), "
                    + "\(segments.encoding)")
        }
        let httpClient = ProviderHTTPClient.makeClient()
        let client = TaggetSendClient(account: account, http: ProviderHTTPClient(client: httpClient))
        let quiet = json
        let lastAttempt = client.maximumAttempts
        let (outcome, attempts) = await client.send(request) { attempt in
            if !quiet, case .transient = attempt.verdict, attempt.number < lastAttempt {
                Terminal.note("attempt \(attempt.number): \(attempt.detail); retrying")
            }
        }
        try? await httpClient.shutdown()
        report(outcome, attempts: attempts, request: request, segments: segments)
        if case .sent = outcome { return }
        throw ExitStatus.operationFailed
    }

    private func report(
        _ outcome: TaggetSendOutcome, attempts: [TaggetSendAttempt], request: TaggetSendRequest,
        segments: SegmentReport
    ) {
        if json {
            Terminal.json(SendReportJSON.document(outcome, attempts: attempts, request: request, segments: segments))
        } else if case .sent(let response) = outcome {
            Terminal.output(TextSanitizer.lineSafe("sent to \(request.to.e164): \(response.message)"))
        } else {
            Terminal.error(outcome.summary)
        }
    }
}
