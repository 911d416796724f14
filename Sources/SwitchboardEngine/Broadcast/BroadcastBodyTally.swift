/// Renders a template for every recipient and tallies the bodies: segments of those that can be sent, the
/// recipients whose body cannot, and the first recipient's preview.
///
/// A template without placeholders gives everyone the same body, so it is rendered and checked once.
struct BroadcastBodyTally {
    /// Segments over the bodies that can be sent.
    private(set) var segments = BroadcastSegmentSummary()
    /// The first recipients whose body cannot be sent (at most the detail limit).
    private(set) var problems: [BroadcastBodyProblem] = []
    /// How many recipients' bodies cannot be sent.
    private(set) var problemCount = 0
    /// The first recipient's body; nil without recipients.
    private(set) var preview: BroadcastPreview?

    /// Tallies `template` rendered for each of `recipients`.
    init(recipients: [Recipient], template: BroadcastTemplate, detailLimit: Int) {
        guard let first = recipients.first else { return }
        guard template.hasPlaceholders else {
            let check = BodyCheck(template.render(for: first))
            preview = check.preview(for: first)
            if let error = check.problem {
                problemCount = recipients.count
                problems = recipients.prefix(max(0, detailLimit)).map {
                    BroadcastBodyProblem(phone: $0.phone, line: $0.line, error: error)
                }
            } else {
                segments.add(check.segments, times: recipients.count)
            }
            return
        }
        for recipient in recipients {
            let check = BodyCheck(template.render(for: recipient))
            if preview == nil { preview = check.preview(for: recipient) }
            guard let error = check.problem else {
                segments.add(check.segments)
                continue
            }
            problemCount += 1
            if problems.count < detailLimit {
                problems.append(BroadcastBodyProblem(phone: recipient.phone, line: recipient.line, error: error))
            }
        }
    }
}

/// One rendered body, validated and split.
private struct BodyCheck {
    let body: String
    let segments: SegmentReport
    let problem: SendBodyError?

    init(_ body: String) {
        self.body = body
        segments = SegmentCalculator.calculate(body)
        do throws(SendBodyError) {
            _ = try SendBody(validating: body)
            problem = nil
        } catch {
            problem = error
        }
    }

    func preview(for recipient: Recipient) -> BroadcastPreview {
        BroadcastPreview(recipient: recipient, body: body, segments: segments, problem: problem)
    }
}
