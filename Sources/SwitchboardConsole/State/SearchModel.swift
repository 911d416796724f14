import SwitchboardEngine

/// The inbox's search: the one the list applies, and the one being typed after `/` (Enter applies it, Esc drops
/// it). The list matches the applied one through a ``SearchNeedle``.
package struct SearchModel: Sendable, Hashable {
    /// The search the list applies ("" for none).
    package var applied = ""
    /// What is typed in the search field.
    package var draft = ""

    package init() {}

    /// A search too short for the store's index looks through the working set only.
    package var isTooShortForStore: Bool {
        !applied.isEmpty && applied.count < InboxPageQuery.minimumSearchLength
    }

    /// `/`: the field starts from the search applied.
    mutating func begin() { draft = applied }

    mutating func type(_ character: Character) { draft.append(character) }

    mutating func deleteBackward() {
        if !draft.isEmpty { draft.removeLast() }
    }

    /// Enter: the list applies what was typed.
    mutating func apply() { applied = draft }

    /// Esc in the inbox: the list shows every text again.
    mutating func clear() { applied = "" }
}
