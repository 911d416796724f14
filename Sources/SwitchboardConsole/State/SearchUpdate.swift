/// The search field's part of ``ConsoleUpdate`` (after `/`): typing, `Enter` to apply it to the list, `Esc` to
/// leave it as it was.
enum SearchUpdate {
    static func key(_ key: Key, _ action: ConsoleAction?, in state: inout ConsoleState) -> [ConsoleEffect] {
        switch action {
        case .applySearch:
            state.inbox.search.apply()
            state.mode = .inbox
            return InboxUpdate.listChanged(&state)
        case .leavePane:
            state.mode = .inbox
        case .deleteBackward:
            state.inbox.search.deleteBackward()
        default:
            if case .character(let character) = key { state.inbox.search.type(character) }
        }
        return []
    }
}
