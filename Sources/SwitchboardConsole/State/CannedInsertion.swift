import SwitchboardEngine
import SwitchboardOutput

/// A canned reply put into the draft at its cursor, filled in for the text being answered: what `Enter` in the
/// picker (or the last prompt) does, and what the picker counts for each choice before it is picked.
enum CannedInsertion {
    /// The values of the variables for the draft's text, at the state's clock and time zone: the deadline as local
    /// `HH:MM`, the whole minutes left (never below 0).
    static func values(for transaction: InboxTransaction, in state: ConsoleState) -> CannedValues {
        let deadline = transaction.deadline(window: state.window)
        let left = state.window.timeLeft(receivedAt: transaction.receivedAt, now: state.now)
        return CannedValues(
            tagg: transaction.tagg, id: transaction.id, operatorName: state.status.operatorName,
            deadline: String(TimeText.clock(deadline, offset: state.timeZoneOffset).prefix(5)),
            minutesLeft: max(0, Int(left.timeInterval / 60)))
    }

    /// `draft` with `reply` inserted at its cursor (one change, undone by `Ctrl-Z`); the cursor lands on `{|}`, or
    /// after the insertion.
    static func inserting(
        _ reply: CannedReply, into draft: ComposeDraft, values: CannedValues, answers: [String: String]
    ) -> ComposeDraft {
        let (text, cursor) = reply.template.fill(values, answers: answers)
        var result = draft
        result.insert(text, cursorOffset: cursor)
        return result
    }

    /// The counter for the draft with `reply` inserted, a prompt not answered yet counted as the longest value typed
    /// for its label so far.
    static func length(
        of reply: CannedReply, in draft: ComposeDraft, values: CannedValues, longestAnswers: [String: String]
    ) -> ReplyLengthReport {
        inserting(reply, into: draft, values: values, answers: longestAnswers).length
    }
}
