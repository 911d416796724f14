import SwitchboardEngine
import SwitchboardText

/// How a text's status is written: the word, and the inbox's status column with who answered it, is sending, or
/// (for the other consoles) is writing a reply to it.
package enum StatusText {
    /// The status word.
    package static func word(_ status: TransactionStatus) -> String {
        switch status {
        case .pending: "pending"
        case .replying: "replying…"
        case .outcomeUnknown: "outcome unknown"
        case .replied: "replied"
        case .rejected: "rejected"
        case .closed: "closed"
        case .expired: "expired"
        }
    }

    /// The status column, cut to `width`: `✎ alice +1` for a pending text someone is writing to, `replying · bob`,
    /// `replied · alice`, else the word. Names are untrusted and made line-safe.
    package static func column(
        _ transaction: InboxTransaction, status: TransactionStatus, composers: [ComposingMark], width: Int
    ) -> String {
        let word = word(status)
        let name: String?
        switch status {
        case .pending:
            guard let first = composers.first else { return word }
            let more = composers.count > 1 ? " +\(composers.count - 1)" : ""
            let room = width - 2 - CharacterWidth.of(more)
            return "✎ " + TextLayout.truncate(TextSanitizer.lineSafe(first.operatorName), to: room) + more
        case .replying: name = transaction.claim?.operatorName
        case .replied: name = transaction.operatorName
        default: name = nil
        }
        guard let name, !name.isEmpty else { return word }
        let short = status == .replying ? "replying" : word
        let room = width - CharacterWidth.of(short) - 3
        guard room >= 3 else { return word }
        return short + " · " + TextLayout.truncate(TextSanitizer.lineSafe(name), to: room)
    }
}
