import Foundation

/// A broadcast worked out before anything is stored or sent: the recipients read, the body parsed, the dry run.
/// ``BroadcastService/create(_:rate:concurrency:)`` turns a plan that ``canSend`` into a stored campaign.
package struct BroadcastPlan: Sendable {
    package let list: RecipientList
    package let template: BroadcastTemplate?
    /// Why the body could not be parsed (an unclosed `{`), if it could not.
    package let templateError: BroadcastTemplateError?
    package let sender: String
    package let source: String
    package let dryRun: BroadcastDryRun?

    /// Reads `recipients` (a file's text, by `fileName`'s extension and content; or typed text when `fileName`
    /// is nil) and parses `body` with its `{column}` placeholders.
    package init(recipients: String, fileName: String?, body: String, sender: String) {
        list =
            fileName.map { RecipientImport.file(named: $0, content: recipients) } ?? RecipientImport.typed(recipients)
        source = fileName.map { ($0 as NSString).lastPathComponent } ?? "typed"
        self.sender = sender
        do throws(BroadcastTemplateError) {
            let parsed = try BroadcastTemplate(parsing: body)
            template = parsed
            templateError = nil
            dryRun = BroadcastDryRun(recipients: list, template: parsed, sender: sender)
        } catch {
            template = nil
            templateError = error
            dryRun = nil
        }
    }

    /// Whether the broadcast may start: a body that parses and names only existing columns, a valid sender, at
    /// least one recipient, and every rendered body sendable.
    package var canSend: Bool { dryRun?.canSend ?? false }

    /// What stops it, one line each, for people (empty when it can be sent).
    package var problems: [String] {
        if let templateError { return ["body: \(templateError)"] }
        guard let dryRun else { return [] }
        var lines: [String] = []
        if dryRun.recipientCount == 0 { lines.append("recipients: no valid number to send to") }
        if let problem = dryRun.templateProblem { lines.append("body: \(problem)") }
        if let problem = dryRun.senderProblem { lines.append("sender: \(problem)") }
        for problem in dryRun.bodyProblems.prefix(5) {
            lines.append("body for \(problem.phone) (line \(problem.line)): \(problem.error)")
        }
        if dryRun.bodyProblemCount > 5 { lines.append("… and \(dryRun.bodyProblemCount - 5) more bodies") }
        return lines
    }

    /// Each recipient with the body rendered for it, in list order.
    func campaignRecipients(campaignID: String, now: Date) throws(BroadcastTemplateError) -> [CampaignRecipient] {
        guard let template else { throw templateError ?? .unknownPlaceholders(names: [], columns: list.columns) }
        let resolved = try template.resolved(against: list.columns)
        return list.recipients.enumerated().map { position, recipient in
            CampaignRecipient(
                campaignID: campaignID, position: position, phone: recipient.phone.e164, line: recipient.line,
                body: resolved.render(for: recipient), updatedAt: now)
        }
    }
}
