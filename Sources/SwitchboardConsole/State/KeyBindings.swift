/// What a key does. The bindings are data: the help overlay and the README's key table are generated from
/// ``KeyBindings/all`` (the model is lazygit's and k9s's binding tables).
package enum ConsoleAction: Sendable, Hashable {
    case moveUp, moveDown, pageUp, pageDown, top, bottom
    case scrollDetailDown, scrollDetailUp
    case openReply, cycleFilter, cycleTagg, startSearch, clearSearch, showHelp, quit
    case send, insertNewline, togglePaid, leavePane, openCannedPicker, fitReply, undoEdit, undoSend
    case chooseCanned, pickNumbered, nextPrompt
    case cursorLeft, cursorRight, cursorHome, cursorEnd, deleteBackward, deleteForward
    case applySearch
    case openBroadcast, nextField, dryRun, loadFile, startBroadcast
    case togglePause, cancelBroadcast, confirmCancel, retryFailed, newBroadcast
}

/// One binding: its keys, where it works, and its line of help.
package struct KeyBinding: Sendable, Hashable {
    package var keys: [Key]
    package var modes: Set<ConsoleState.Mode>
    package var action: ConsoleAction
    package var help: String
}

package enum KeyBindings {
    package static let all: [KeyBinding] =
        [
            KeyBinding(keys: [.up, .character("k")], modes: [.inbox], action: .moveUp, help: "previous text"),
            KeyBinding(keys: [.down, .character("j")], modes: [.inbox], action: .moveDown, help: "next text"),
            KeyBinding(keys: [.pageUp], modes: [.inbox], action: .pageUp, help: "a page up"),
            KeyBinding(keys: [.pageDown], modes: [.inbox], action: .pageDown, help: "a page down"),
            KeyBinding(keys: [.home, .character("g")], modes: [.inbox], action: .top, help: "most urgent text"),
            KeyBinding(keys: [.end, .character("G")], modes: [.inbox], action: .bottom, help: "last text"),
            KeyBinding(
                keys: [.character("J")], modes: [.inbox], action: .scrollDetailDown,
                help: "scroll the text down"),
            KeyBinding(
                keys: [.character("K")], modes: [.inbox], action: .scrollDetailUp,
                help: "scroll the text up"),
            KeyBinding(
                keys: [.enter, .character("r")], modes: [.inbox], action: .openReply,
                help: "reply to this text"),
            KeyBinding(
                keys: [.character("f")], modes: [.inbox], action: .cycleFilter,
                help: "filters: pending…all"),
            KeyBinding(keys: [.character("t")], modes: [.inbox], action: .cycleTagg, help: "show one tagg, then all"),
            KeyBinding(keys: [.character("/")], modes: [.inbox], action: .startSearch, help: "search (text, id, tagg)"),
            KeyBinding(keys: [.escape], modes: [.inbox], action: .clearSearch, help: "clear the search"),
            KeyBinding(
                keys: [.character("b")], modes: [.inbox], action: .openBroadcast, help: "broadcast screen"),
            KeyBinding(
                keys: [.character("?")], modes: [.inbox, .broadcastReview, .broadcastProgress, .broadcastResults],
                action: .showHelp, help: "this help"),
            KeyBinding(
                keys: [.character("u")], modes: [.inbox, .compose], action: .undoSend,
                help: "undo send (in the delay)"),
            KeyBinding(keys: [.character("q")], modes: [.inbox], action: .quit, help: "quit"),
            KeyBinding(
                keys: [.enter], modes: [.compose], action: .send, help: "send (after checks)"),
            KeyBinding(keys: [.newline], modes: [.compose], action: .insertNewline, help: "new line in the reply"),
            KeyBinding(keys: [.control("p")], modes: [.compose], action: .togglePaid, help: "paid on/off"),
            KeyBinding(
                keys: [.control("r")], modes: [.compose], action: .openCannedPicker, help: "canned replies"),
            KeyBinding(
                keys: [.control("f")], modes: [.compose], action: .fitReply, help: "make it fit (latin)"),
            KeyBinding(
                keys: [.control("z")], modes: [.compose], action: .undoEdit, help: "undo the last change"),
            KeyBinding(keys: [.escape], modes: [.compose], action: .leavePane, help: "back (the draft stays)"),
            KeyBinding(
                keys: [.left], modes: [.compose, .cannedPicker, .cannedPrompt, .search, .broadcastCompose],
                action: .cursorLeft, help: "cursor left"),
            KeyBinding(
                keys: [.right], modes: [.compose, .cannedPicker, .cannedPrompt, .search, .broadcastCompose],
                action: .cursorRight,
                help: "cursor right"),
            KeyBinding(
                keys: [.home, .control("a")], modes: [.compose, .cannedPrompt], action: .cursorHome,
                help: "start of the reply"),
            KeyBinding(
                keys: [.end, .control("e")], modes: [.compose, .cannedPrompt], action: .cursorEnd,
                help: "end of the reply"),
            KeyBinding(
                keys: [.backspace],
                modes: [.compose, .cannedPicker, .cannedPrompt, .search, .broadcastCompose, .broadcastReview],
                action: .deleteBackward, help: "delete before cursor"),
            KeyBinding(
                keys: [.delete], modes: [.compose, .cannedPrompt, .broadcastCompose], action: .deleteForward,
                help: "delete under cursor"),
            KeyBinding(
                keys: [.up], modes: [.cannedPicker], action: .moveUp, help: "previous reply"),
            KeyBinding(
                keys: [.down], modes: [.cannedPicker], action: .moveDown, help: "next reply"),
            KeyBinding(
                keys: (1...9).map { .character(Character(String($0))) }, modes: [.cannedPicker],
                action: .pickNumbered, help: "pick that reply"),
            KeyBinding(keys: [.enter], modes: [.cannedPicker], action: .chooseCanned, help: "insert at the cursor"),
            KeyBinding(keys: [.escape], modes: [.cannedPicker], action: .leavePane, help: "back to the reply"),
            KeyBinding(keys: [.enter], modes: [.cannedPrompt], action: .nextPrompt, help: "next prompt, insert"),
            KeyBinding(keys: [.escape], modes: [.cannedPrompt], action: .leavePane, help: "back to the choices"),
            KeyBinding(keys: [.enter], modes: [.search], action: .applySearch, help: "apply the search"),
            KeyBinding(keys: [.escape], modes: [.search], action: .leavePane, help: "cancel the search"),
            KeyBinding(
                keys: [.escape, .character("?"), .character("q")], modes: [.help], action: .leavePane,
                help: "close the help"),
        ] + broadcast

    /// The broadcast screen's keys, step by step.
    private static let broadcast: [KeyBinding] = [
        KeyBinding(
            keys: [.tab], modes: [.broadcastCompose], action: .nextField, help: "next field"),
        KeyBinding(keys: [.enter], modes: [.broadcastCompose], action: .dryRun, help: "dry run (sends nothing)"),
        KeyBinding(
            keys: [.control("o")], modes: [.broadcastCompose], action: .loadFile, help: "read recipients file"),
        KeyBinding(
            keys: [.newline], modes: [.broadcastCompose], action: .insertNewline, help: "new line in the field"),
        KeyBinding(
            keys: [.home, .control("a")], modes: [.broadcastCompose], action: .cursorHome,
            help: "start of the field"),
        KeyBinding(
            keys: [.end, .control("e")], modes: [.broadcastCompose], action: .cursorEnd, help: "end of the field"),
        KeyBinding(
            keys: [.escape], modes: [.broadcastCompose], action: .leavePane, help: "inbox (the draft stays)"),
        KeyBinding(
            keys: [.enter], modes: [.broadcastReview], action: .startBroadcast,
            help: "send (>100: type count)"),
        KeyBinding(keys: [.escape], modes: [.broadcastReview], action: .leavePane, help: "back to editing"),
        KeyBinding(keys: [.character("p")], modes: [.broadcastProgress], action: .togglePause, help: "pause / resume"),
        KeyBinding(
            keys: [.character("c")], modes: [.broadcastProgress], action: .cancelBroadcast,
            help: "cancel (asks first)"),
        KeyBinding(
            keys: [.character("y")], modes: [.broadcastProgress], action: .confirmCancel,
            help: "yes, cancel (after c)"),
        KeyBinding(
            keys: [.escape, .character("q")], modes: [.broadcastProgress], action: .leavePane,
            help: "inbox (keeps sending)"),
        KeyBinding(keys: [.up, .character("k")], modes: [.broadcastResults], action: .moveUp, help: "scroll up"),
        KeyBinding(
            keys: [.down, .character("j")], modes: [.broadcastResults], action: .moveDown, help: "scroll down"),
        KeyBinding(keys: [.pageUp], modes: [.broadcastResults], action: .pageUp, help: "a page up"),
        KeyBinding(keys: [.pageDown], modes: [.broadcastResults], action: .pageDown, help: "a page down"),
        KeyBinding(
            keys: [.character("r")], modes: [.broadcastResults], action: .retryFailed,
            help: "retry failed, resume"),
        KeyBinding(
            keys: [.character("n")], modes: [.broadcastResults], action: .newBroadcast, help: "new broadcast"),
        KeyBinding(
            keys: [.escape, .character("q")], modes: [.broadcastResults], action: .leavePane,
            help: "back to the inbox"),
    ]

    /// The action `key` triggers in `mode`, if any.
    package static func action(for key: Key, in mode: ConsoleState.Mode) -> ConsoleAction? {
        all.first { $0.modes.contains(mode) && $0.keys.contains(key) }?.action
    }

    /// The README's key table, generated from the same list as the help overlay.
    package static var markdownTable: String {
        var lines = ["| where | keys | does |", "|---|---|---|"]
        for binding in all {
            let keys = binding.keys.map { "`\($0.description.replacingOccurrences(of: "|", with: "\\|"))`" }
            let modes = binding.modes.map(\.tableTitle).sorted().joined(separator: ", ")
            lines.append("| \(modes) | \(keys.joined(separator: " ")) | \(binding.help) |")
        }
        return lines.joined(separator: "\n")
    }
}

extension ConsoleState.Mode {
    /// The pane's name in help texts.
    package var title: String {
        switch self {
        case .inbox: "inbox"
        case .compose: "reply"
        case .cannedPicker: "canned replies"
        case .cannedPrompt: "canned prompt"
        case .search: "search"
        case .help: "help"
        case .broadcastCompose: "compose"
        case .broadcastReview: "dry run"
        case .broadcastProgress: "sending"
        case .broadcastResults: "results"
        }
    }

    /// The pane's name in the README's key table: a broadcast step with the screen's name.
    package var tableTitle: String { isBroadcast ? "broadcast \(title)" : title }
}
