/// Where the broadcast screen's parts go for a size: the inbox's header stays on top and the status bar at the
/// bottom; between them a title with the steps, the step's content, a message line and the keys.
package struct BroadcastGeometry: Sendable, Hashable {
    package let width: Int
    /// The title row and the rule under it.
    package let titleRow = 1
    package let ruleRow = 2
    /// The first and last rows of the step's content.
    package let contentTop = 3
    package let contentBottom: Int
    /// The message line (notices, questions) and the keys line.
    package let noticeRow: Int
    package let hintRow: Int

    package init(width: Int, height: Int) {
        self.width = width
        noticeRow = height - 3
        hintRow = height - 2
        contentBottom = height - 4
    }

    /// Content rows in all.
    package var contentRows: Int { contentBottom - contentTop + 1 }

    /// The results' first list row (after the campaign, its counts, a blank and the column titles).
    package var resultsTop: Int { contentTop + 4 }
    /// Rows of the results list: the last content row is kept for the note about unknown recipients.
    package var resultRows: Int { max(1, contentBottom - resultsTop) }

    /// The compose step's rows for the recipients and the body fields (the rest is labels and counters): a third
    /// and the rest, at most 6 and 10.
    package var fieldRows: (recipients: Int, body: Int) {
        let free = max(4, contentRows - 7)
        let recipients = min(6, max(2, free / 3))
        return (recipients, min(10, free - recipients))
    }
}
