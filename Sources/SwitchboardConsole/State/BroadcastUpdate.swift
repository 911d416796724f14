import SwitchboardEngine

/// The broadcast screen's part of ``ConsoleUpdate``, while a broadcast is prepared: opening it (`b`), the compose
/// step's fields, the dry run and its typed confirmation. Pure like the rest: files are read and plans worked out
/// by the runtime, and come back as events. The run itself is ``BroadcastRunUpdate``.
enum BroadcastUpdate {
    /// `b` from the inbox: the running broadcast, the last one's results, or the draft.
    static func open(in state: inout ConsoleState) -> [ConsoleEffect] {
        guard state.broadcastSettings != nil else {
            ConsoleUpdate.flash(BroadcastSettings.notConfigured, error: true, in: &state)
            return []
        }
        guard let run = state.broadcastRun else {
            state.mode = .broadcastCompose
            return []
        }
        guard run.isOver else {
            state.mode = .broadcastProgress
            return []
        }
        state.mode = .broadcastResults
        state.broadcastRun?.resultsSeen = true
        return run.notSent == nil ? [.loadBroadcastResults(campaignID: run.campaign.id)] : []
    }

    /// A key in one of the broadcast steps.
    static func key(_ key: Key, _ action: ConsoleAction?, in state: inout ConsoleState) -> [ConsoleEffect] {
        if action == .showHelp {
            state.helpReturnMode = state.mode
            state.mode = .help
            return []
        }
        switch state.mode {
        case .broadcastCompose: return composeKey(key, action, in: &state)
        case .broadcastReview: return reviewKey(key, action, in: &state)
        case .broadcastProgress: return BroadcastRunUpdate.progressKey(action, in: &state)
        case .broadcastResults: return BroadcastRunUpdate.resultsKey(action, in: &state)
        default: return []
        }
    }

    /// A pasted character: into the focused field (a line break stays one, except in the sender).
    static func paste(_ character: Character, in state: inout ConsoleState) {
        guard state.mode == .broadcastCompose else { return }
        if character == "\n", state.broadcast.field == .sender { return }
        state.broadcast.focused.type(character)
        edited(&state.broadcast, recount: false)
    }

    /// The paste ended: count the numbers once (not after every pasted character).
    static func pasteEnded(in state: inout ConsoleState) {
        guard state.mode == .broadcastCompose, state.broadcast.field == .recipients else { return }
        state.broadcast.typed = BroadcastInput.typedSummary(state.broadcast.recipients.text)
    }

    // MARK: - Compose

    private static func composeKey(_ key: Key, _ action: ConsoleAction?, in state: inout ConsoleState)
        -> [ConsoleEffect]
    {
        var screen = state.broadcast
        defer { state.broadcast = screen }
        let sender = state.broadcastSettings?.sender ?? ""
        switch action {
        case .leavePane:
            state.mode = .inbox
            return []
        case .nextField:
            let fields = BroadcastScreen.Field.allCases
            screen.field = fields[(fields.firstIndex(of: screen.field)! + 1) % fields.count]
            return []
        case .dryRun:
            let effects = dryRun(&screen, defaultSender: sender)
            if screen.planned != nil, effects.isEmpty { state.mode = .broadcastReview }
            return effects
        case .loadFile:
            screen.dryRunAfterLoad = false
            if let sample = state.broadcastSettings?.sampleFile, screen.recipients.text.allSatisfy(\.isWhitespace) {
                // Nothing typed yet: the suggested list (the demo's).
                screen.recipients = TextField(sample)
                screen.typed = nil
            }
            return load(&screen)
        case .cursorLeft: screen.focused.moveLeft()
        case .cursorRight: screen.focused.moveRight()
        case .cursorHome: screen.focused.moveHome()
        case .cursorEnd: screen.focused.moveEnd()
        case .insertNewline:
            guard screen.field != .sender else { return [] }
            screen.focused.type("\n")
            edited(&screen, recount: true)
        case .deleteBackward:
            screen.focused.backspace()
            edited(&screen, recount: true)
        case .deleteForward:
            screen.focused.deleteForward()
            edited(&screen, recount: true)
        default:
            guard case .character(let character) = key else { return [] }
            screen.focused.type(character)
            edited(&screen, recount: true)
        }
        return []
    }

    /// After an edit: the dry run no longer holds (an answer on its way is ignored), the numbers are recounted.
    private static func edited(_ screen: inout BroadcastScreen, recount: Bool) {
        screen.generation += 1
        screen.planning = false
        screen.planned = nil
        screen.notice = nil
        if recount, screen.field == .recipients {
            screen.typed = BroadcastInput.typedSummary(screen.recipients.text)
        }
    }

    /// `Enter`: the dry run, once the recipients file is read (reading it first when it is not).
    private static func dryRun(_ screen: inout BroadcastScreen, defaultSender: String) -> [ConsoleEffect] {
        guard !screen.planning else { return [] }
        // Nothing changed since the last dry run: show it again.
        if screen.planned?.generation == screen.generation { return [] }
        if screen.recipientsIsPath {
            guard let file = screen.currentFile else {
                screen.dryRunAfterLoad = true
                return load(&screen)
            }
            return plan(&screen, recipients: file.content, fileName: file.name, defaultSender: defaultSender)
        }
        guard screen.recipients.text.contains(where: { !$0.isWhitespace }) else {
            screen.say("Type the numbers, or a file path, first.", error: true)
            return []
        }
        return plan(&screen, recipients: screen.recipients.text, fileName: nil, defaultSender: defaultSender)
    }

    private static func plan(
        _ screen: inout BroadcastScreen, recipients: String, fileName: String?, defaultSender: String
    ) -> [ConsoleEffect] {
        screen.generation += 1
        screen.planning = true
        screen.say("Working out the dry run…")
        let sender = screen.sender.text.allSatisfy(\.isWhitespace) ? defaultSender : screen.sender.text
        return [
            .planBroadcast(
                BroadcastDraft(
                    generation: screen.generation, recipients: recipients, fileName: fileName,
                    body: screen.body.text, sender: sender))
        ]
    }

    /// `Ctrl-O`: read the file the recipients field names.
    private static func load(_ screen: inout BroadcastScreen) -> [ConsoleEffect] {
        guard screen.recipientsIsPath else {
            screen.dryRunAfterLoad = false
            screen.say(
                "Ctrl-O reads a file: type its path in the recipients field (e.g. ~/customers.csv).", error: true)
            return []
        }
        let path = BroadcastInput.trimmedPath(screen.recipients.text)
        screen.loadingPath = path
        screen.say("Reading \(path)…")
        return [.readRecipientsFile(path: path)]
    }

    /// The runtime read a recipients file (or could not).
    static func fileRead(_ load: RecipientsFileLoad, in state: inout ConsoleState) -> [ConsoleEffect] {
        var screen = state.broadcast
        defer { state.broadcast = screen }
        switch load {
        case .loaded(let file):
            guard file.path == screen.loadingPath else { return [] }
            screen.loadingPath = nil
            screen.file = file
            screen.notice = nil
            guard screen.dryRunAfterLoad, screen.currentFile != nil else { return [] }
            screen.dryRunAfterLoad = false
            return plan(
                &screen, recipients: file.content, fileName: file.name,
                defaultSender: state.broadcastSettings?.sender ?? "")
        case .failed(let path, let reason):
            guard path == screen.loadingPath else { return [] }
            screen.loadingPath = nil
            screen.dryRunAfterLoad = false
            screen.say(reason, error: true)
            return []
        }
    }

    /// The dry run came back: show it, unless the draft changed since it was asked for.
    static func planned(_ planned: PlannedBroadcast, in state: inout ConsoleState) -> [ConsoleEffect] {
        guard state.broadcast.planning, planned.generation == state.broadcast.generation else { return [] }
        state.broadcast.planning = false
        state.broadcast.planned = planned
        state.broadcast.confirmation = ""
        state.broadcast.notice = nil
        if state.mode == .broadcastCompose { state.mode = .broadcastReview }
        return []
    }

    // MARK: - Dry run and confirmation

    private static func reviewKey(_ key: Key, _ action: ConsoleAction?, in state: inout ConsoleState)
        -> [ConsoleEffect]
    {
        switch action {
        case .leavePane:
            state.broadcast.confirmation = ""
            state.broadcast.notice = nil
            state.mode = .broadcastCompose
        case .deleteBackward:
            if !state.broadcast.confirmation.isEmpty { state.broadcast.confirmation.removeLast() }
        case .startBroadcast:
            return start(in: &state)
        default:
            // Only digits are typed here: the recipient count that confirms a big broadcast.
            guard case .character(let digit) = key, digit.isASCII, digit.isWholeNumber,
                state.broadcast.confirmation.count < 9
            else { return [] }
            state.broadcast.confirmation.append(digit)
            state.broadcast.notice = nil
        }
        return []
    }

    /// `Enter` on the dry run: start, when nothing blocks it and (over 100 recipients) the count was typed.
    private static func start(in state: inout ConsoleState) -> [ConsoleEffect] {
        guard let planned = state.broadcast.planned, !state.broadcast.starting else { return [] }
        guard planned.plan.canSend else {
            state.broadcast.say("Nothing can be sent until the problems above are fixed: Esc to edit.", error: true)
            return []
        }
        if let run = state.broadcastRun, !run.isOver {
            state.broadcast.say("A broadcast is already sending: one at a time (b shows it).", error: true)
            return []
        }
        let count = planned.recipientCount
        if BroadcastConfirmation.needsTypedCount(count), state.broadcast.confirmation != String(count) {
            let typed = state.broadcast.confirmation
            state.broadcast.say(
                typed.isEmpty
                    ? "Type \(count), the number of recipients, then Enter."
                    : "\(typed) is not \(count): type the number of recipients exactly.",
                error: !typed.isEmpty)
            return []
        }
        state.broadcast.starting = true
        state.broadcast.say("Starting…")
        return [.startBroadcast(planned)]
    }
}
