/// "Make it fit" (`Ctrl-F` in the reply pane): every character the counter names as forcing "other" is replaced by
/// its suggested latin replacement (``LatinReplacement``, the table the counter itself uses), and what changed is
/// said in one line: `3 replaced: ’ → ' ×2, – → -`.
package struct ReplyFit: Sendable, Hashable {
    /// One kind of character replaced, and how often.
    package struct Change: Sendable, Hashable {
        package let offender: ReplyLengthOffender
        package let replacement: String
        package var count: Int { offender.positions.count }
    }

    /// The message with every replaceable offender replaced.
    package let text: String
    /// What was replaced, in order of first appearance.
    package let changes: [Change]
    /// The characters that have no latin replacement (they stay, and keep the message "other").
    package let unreplaceable: [ReplyLengthOffender]

    /// Fits `message`: replaces each character that forced "other" and has a suggestion.
    package init(_ message: String) {
        let offenders = ReplyLengthRule.evaluate(message, paid: false).offenders
        var replacements: [Character: String] = [:]
        var changes: [Change] = []
        var unreplaceable: [ReplyLengthOffender] = []
        for offender in offenders {
            if let replacement = offender.suggestedReplacement {
                replacements[offender.character] = replacement
                changes.append(Change(offender: offender, replacement: replacement))
            } else {
                unreplaceable.append(offender)
            }
        }
        text = replacements.isEmpty ? message : message.map { replacements[$0] ?? String($0) }.joined()
        self.changes = changes
        self.unreplaceable = unreplaceable
    }

    /// How many characters were replaced.
    package var replacedCount: Int { changes.reduce(0) { $0 + $1.count } }

    /// What happened, in one line: `3 replaced: ’ → ' ×2, – → -`, with what could not be replaced, or why nothing
    /// changed.
    package var summary: String {
        var parts: [String] = []
        if changes.isEmpty {
            parts.append(unreplaceable.isEmpty ? "Nothing to replace: the reply is already latin" : "Nothing replaced")
        } else {
            let names = changes.map { change -> String in
                let target =
                    change.replacement.isEmpty ? "removed" : change.replacement == " " ? "space" : change.replacement
                return "\(Self.name(change.offender)) → \(target)" + (change.count > 1 ? " ×\(change.count)" : "")
            }
            parts.append("\(replacedCount) replaced: " + names.joined(separator: ", "))
        }
        if !unreplaceable.isEmpty {
            let names = unreplaceable.prefix(3).map(Self.name).joined(separator: ", ")
            let more = unreplaceable.count > 3 ? " and \(unreplaceable.count - 3) more" : ""
            parts.append("no latin replacement for \(names)\(more): the reply stays other")
        }
        return parts.joined(separator: "; ")
    }

    /// A visible character as itself, an invisible one by its code point and name.
    private static func name(_ offender: ReplyLengthOffender) -> String {
        let display = offender.displayName
        return display.hasPrefix("\(offender.character) U+") ? String(offender.character) : display
    }
}
