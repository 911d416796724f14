/// An entry of a recipient list that was not imported, with where it is and why.
///
/// A plain-text line holding several numbers can give several entries with the same line number.
package struct InvalidRecipientLine: Sendable, Hashable {
    /// The 1-based physical line of the input where the entry starts.
    package let line: Int
    /// The entry as written (the number's cell for CSV, the number for plain text), without the line break.
    /// It may hold control characters: sanitise it before showing it on a terminal.
    package let raw: String
    /// Why it was refused.
    package let reason: InvalidRecipientReason

    /// An entry refused at `line`.
    package init(line: Int, raw: String, reason: InvalidRecipientReason) {
        self.line = line
        self.raw = raw
        self.reason = reason
    }
}
