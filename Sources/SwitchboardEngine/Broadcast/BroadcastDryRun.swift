/// What a broadcast would do, worked out without sending anything.
///
/// Every recipient's body is rendered and checked with `SendBody` and `SegmentCalculator`, so the counts are
/// those of the texts that would really go out (a name with `’` makes that recipient's body UCS-2).
/// Segment figures count only the bodies that can be sent; the others are listed in `bodyProblems`.
/// When the template names unknown columns, bodies are rendered with those placeholders empty, and
/// `templateProblem` says which. A body without placeholders is checked once for every recipient.
package struct BroadcastDryRun: Sendable, Hashable {
    /// How many recipients would be texted.
    package let recipientCount: Int
    /// The first invalid entries of the list, with line numbers and reasons.
    package let invalid: [InvalidRecipientLine]
    /// How many entries were invalid in all.
    package let invalidCount: Int
    /// The first duplicates dropped from the list.
    package let duplicates: [DuplicateRecipient]
    /// How many duplicates were dropped in all.
    package let duplicateCount: Int
    /// The list's columns, which placeholders may name.
    package let columns: [String]
    /// Placeholders that name no column, or nil when all do.
    package let templateProblem: BroadcastTemplateError?
    /// The validated sender, when one was given and is valid.
    package let sender: SenderName?
    /// Why the given sender is refused, or nil when it is valid or none was given.
    package let senderProblem: SenderNameError?
    /// Segments per message, in total and by encoding, over the bodies that can be sent.
    package let segments: BroadcastSegmentSummary
    /// The first recipients whose rendered body cannot be sent.
    package let bodyProblems: [BroadcastBodyProblem]
    /// How many recipients' bodies cannot be sent in all.
    package let bodyProblemCount: Int
    /// The body the first recipient would get; nil when there are no recipients.
    package let preview: BroadcastPreview?

    /// Works out the broadcast of `template` to `list`, from `sender` if one is given. At most
    /// `detailLimit` body problems are kept in detail (the count is exact).
    package init(
        recipients list: RecipientList, template: BroadcastTemplate, sender: String? = nil,
        detailLimit: Int = RecipientList.defaultDetailLimit
    ) {
        recipientCount = list.recipients.count
        invalid = list.invalid
        invalidCount = list.invalidCount
        duplicates = list.duplicates
        duplicateCount = list.duplicateCount
        columns = list.columns

        let renderer: BroadcastTemplate
        do throws(BroadcastTemplateError) {
            renderer = try template.resolved(against: list.columns)
            templateProblem = nil
        } catch {
            renderer = template
            templateProblem = error
        }

        (self.sender, senderProblem) = Self.check(sender: sender)

        let tally = BroadcastBodyTally(recipients: list.recipients, template: renderer, detailLimit: detailLimit)
        segments = tally.segments
        bodyProblems = tally.problems
        bodyProblemCount = tally.problemCount
        preview = tally.preview
    }

    /// Whether the broadcast may start: at least one recipient, every placeholder names a column, the sender
    /// (if given) is valid, and every rendered body can be sent. Invalid entries and duplicates do not block:
    /// they are left out.
    package var canSend: Bool {
        recipientCount > 0 && templateProblem == nil && senderProblem == nil && bodyProblemCount == 0
    }

    /// The sender if it is valid, else why not; neither when none was given.
    private static func check(sender: String?) -> (SenderName?, SenderNameError?) {
        guard let sender else { return (nil, nil) }
        do throws(SenderNameError) {
            return (try SenderName(validating: sender), nil)
        } catch {
            return (nil, error)
        }
    }
}
