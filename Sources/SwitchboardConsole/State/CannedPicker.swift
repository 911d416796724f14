import Foundation
import SwitchboardEngine

/// The `Ctrl-R` picker over the reply pane: the filter typed, the choice highlighted, and, once a reply with
/// prompts is picked, the prompts being answered one by one before it is inserted.
package struct CannedPicker: Sendable, Hashable {
    /// A picked reply's prompts being answered.
    package struct Prompting: Sendable, Hashable {
        package var reply: CannedReply
        /// The prompt being answered, by its place in ``CannedTemplate/prompts``.
        package var index = 0
        package var answers: [String: String] = [:]
        package var field = TextField()

        package var label: String { reply.template.prompts[index] }

        /// The answers so far with the one being typed.
        package var answersWithTyped: [String: String] {
            var all = answers
            all[label] = field.text
            return all
        }
    }

    /// Type to filter (fuzzy, over name and text).
    package var filter = TextField()
    /// The highlighted choice, in ``choices(_:tagg:)``.
    package var selection = 0
    package var prompting: Prompting?

    package init() {}

    /// The replies offered for `tagg` that match the filter, best first (the configured order among equals).
    package func choices(_ replies: [CannedReply], tagg: String) -> [CannedReply] {
        let offered = CannedReply.applicable(replies, to: tagg)
        guard !filter.text.trimmingCharacters(in: .whitespaces).isEmpty else { return offered }
        let scored = offered.enumerated().compactMap { offset, reply -> (Int, Int, CannedReply)? in
            let byName = FuzzyMatch.score(filter.text, in: reply.name).map { $0 + 20 }
            let byText = FuzzyMatch.score(filter.text, in: reply.text)
            guard let best = [byName, byText].compactMap({ $0 }).max() else { return nil }
            return (best, offset, reply)
        }
        return scored.sorted { ($0.0, -$0.1) > ($1.0, -$1.1) }.map(\.2)
    }
}
