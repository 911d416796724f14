/// A recipient whose rendered body cannot be sent (empty, blank, or over 1600 characters).
package struct BroadcastBodyProblem: Sendable, Hashable {
    /// The recipient's number.
    package let phone: PhoneNumber
    /// The 1-based input line of the recipient.
    package let line: Int
    /// What is wrong with the rendered body.
    package let error: SendBodyError

    /// The body rendered for the recipient at `line` is refused with `error`.
    package init(phone: PhoneNumber, line: Int, error: SendBodyError) {
        self.phone = phone
        self.line = line
        self.error = error
    }
}
