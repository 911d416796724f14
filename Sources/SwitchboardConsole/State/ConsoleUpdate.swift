import Foundation
import SwitchboardEngine

/// The one place the console's state changes: `update(state, event) -> effects` (the model is Bubble Tea's
/// Update). Pure: no I/O, no clock, no terminal; the effects are carried out by the runtime and come back as events.
package enum ConsoleUpdate {
    /// Applies `event` to `state` and returns what the engine should do. Whenever the reply pane opens on a text or
    /// closes, the other consoles are told (a soft lock), whatever the event was.
    package static func update(_ state: inout ConsoleState, _ event: ConsoleEvent) -> [ConsoleEffect] {
        let composing = state.composingID
        var effects = apply(event, to: &state)
        if state.composingID != composing { effects.append(.markComposing(state.composingID)) }
        return effects
    }

    private static func apply(_ event: ConsoleEvent, to state: inout ConsoleState) -> [ConsoleEffect] {
        switch event {
        case .key(let key):
            return handle(key, in: &state)
        case .tick(let now):
            state.now = now
            if let flash = state.flash, flash.until <= now { state.flash = nil }
            return lastMinuteBells(&state) + InboxArchiveUpdate.followClock(&state)
        case .timeZoneChanged(let offset):
            state.timeZoneOffset = offset
            return []
        case .resize(let width, let height):
            state.geometry = ScreenGeometry(width: width, height: height)
            return []
        case .inboxLoaded(let transactions):
            state.storeTrouble = nil
            state.followsStore = false
            let known = Set((state.transactions + state.closedRecent).map(\.id))
            WorkingSetUpdate.load(transactions, since: .distantPast, counts: nil, into: &state)
            return loaded(joined: transactions.map(\.id).filter { !known.contains($0) }, changed: nil, into: &state)
        case .inboxFollowed(let read, let since):
            state.storeTrouble = nil
            state.followsStore = true
            WorkingSetUpdate.load(read.transactions, since: since, counts: read.counts, into: &state)
            state.archive.query = nil
            return loaded(joined: nil, changed: nil, into: &state) + InboxArchiveUpdate.refresh(&state)
        case .inboxChanged(let changes):
            state.storeTrouble = nil
            let joined = WorkingSetUpdate.apply(changes.transactions, counts: changes.counts, into: &state)
            return loaded(joined: joined, changed: Set(changes.transactions.map(\.id)), into: &state)
        case .archivePageLoaded(let query, let page):
            return InboxArchiveUpdate.pageLoaded(query, page, in: &state)
        case .archivePageFailed(let query, let reason):
            var asked = query
            asked.after = nil
            if asked == state.archive.query {
                state.archive.loading = false
                flash("Older texts could not be read: \(reason)", error: true, in: &state)
            }
            return []
        case .archiveCounted(let query, let total):
            InboxArchiveUpdate.counted(query, total, in: &state)
            return []
        case .storeUnavailable(let reason):
            state.storeTrouble = (reason, state.storeTrouble?.since ?? state.now)
            return []
        case .journalLoaded(let id, let entries):
            // Loads run concurrently and can land out of order. A journal only grows (attempts are appended,
            // an attempt's outcome is written once), so the one that has got further is the newer.
            if let shown = state.journals[id], journalProgress(shown) > journalProgress(entries) { return [] }
            state.journals[id] = entries
            return []
        case .composingLoaded(let marks):
            state.othersComposing = Dictionary(grouping: marks, by: \.transactionID)
            return []
        case .replyFinished(let id, let report):
            return finished(id, report, in: &state)
        case .statusChanged(let status):
            state.status = status
            return []
        case .terminate:
            state.quitting = true
            return [.quit]
        case .recipientsFileRead(let load):
            return BroadcastUpdate.fileRead(load, in: &state)
        case .broadcastPlanned(let planned):
            return BroadcastUpdate.planned(planned, in: &state)
        case .broadcastStarted(let campaign):
            return BroadcastRunUpdate.started(campaign, in: &state)
        case .broadcastProgress(let progress):
            return BroadcastRunUpdate.progress(progress, in: &state)
        case .broadcastEnded(let id, let end):
            return BroadcastRunUpdate.ended(id, end, in: &state)
        case .broadcastResults(let id, let tally, let notSent):
            return BroadcastRunUpdate.results(id, tally: tally, notSent: notSent, in: &state)
        case .broadcastFailed(let id, let reason):
            return BroadcastRunUpdate.failed(id, reason, in: &state)
        }
    }

    /// How far a journal has got: its attempts, then how many of them have an outcome.
    private static func journalProgress(_ entries: [ReplyJournalEntry]) -> (Int, Int) {
        (entries.count, entries.count { $0.outcome != nil })
    }

    // MARK: - Keys

    private static func handle(_ key: Key, in state: inout ConsoleState) -> [ConsoleEffect] {
        if state.geometry.isTooSmall {
            // Nothing acts unseen: only q (outside the reply pane) works until the window grows.
            guard key == .character("q"), state.mode != .compose else { return [] }
            state.quitting = true
            return [.quit]
        }
        switch key {
        case .pasteBegin:
            state.pasting = true
            if state.mode == .inbox || state.mode == .help {
                flash(
                    "Pasted text ignored here: open a reply (r) or a search (/) and paste there.", error: true,
                    in: &state)
            } else if state.mode.isBroadcast, state.mode != .broadcastCompose {
                flash(
                    "Pasted text ignored here: paste numbers or the body in the compose step.", error: true, in: &state)
            }
            return []
        case .pasteEnd:
            state.pasting = false
            BroadcastUpdate.pasteEnded(in: &state)
            return []
        default:
            if state.pasting { return pasted(key, in: &state) }
        }
        let action = KeyBindings.action(for: key, in: state.mode)
        switch state.mode {
        case .help:
            if action == .leavePane { state.mode = state.helpReturnMode }
            return []
        case .search:
            return searchKey(key, action, in: &state)
        case .compose:
            return composeKey(key, action, in: &state)
        case .inbox:
            guard let action else { return [] }
            return inboxAction(action, in: &state)
        case .broadcastCompose, .broadcastReview, .broadcastProgress, .broadcastResults:
            return BroadcastUpdate.key(key, action, in: &state)
        }
    }

    /// A key inside a paste: text goes into the reply or the search as typed, a newline stays a newline (it never
    /// sends), and nothing else acts, so pasted text cannot run commands.
    private static func pasted(_ key: Key, in state: inout ConsoleState) -> [ConsoleEffect] {
        let character: Character
        switch key {
        case .character(let typed): character = typed
        case .enter, .newline: character = "\n"
        case .tab: character = " "
        default: return []
        }
        switch state.mode {
        case .compose where state.compose?.sending == false:
            state.compose?.insert(character)
            state.compose?.result = nil
        case .search where character != "\n":
            state.searchDraft.append(character)
        case .broadcastCompose:
            BroadcastUpdate.paste(character, in: &state)
        default:
            break
        }
        return []
    }

    private static func inboxAction(_ action: ConsoleAction, in state: inout ConsoleState) -> [ConsoleEffect] {
        let rows = state.visible
        let index = rows.firstIndex { $0.id == state.selectedID } ?? 0
        let page = state.geometry.inbox.listPage
        switch action {
        case .moveUp: return select(rows, index - 1, in: &state)
        case .moveDown: return select(rows, index + 1, in: &state)
        case .pageUp: return select(rows, index - page, in: &state)
        case .pageDown: return select(rows, index + page, in: &state)
        case .top: return select(rows, 0, in: &state)
        case .bottom: return select(rows, rows.count - 1, in: &state)
        case .scrollDetailDown:
            state.detailScroll += 1
            return []
        case .scrollDetailUp:
            state.detailScroll = max(0, state.detailScroll - 1)
            return []
        case .openReply: return openReply(in: &state)
        case .cycleFilter:
            state.filter = state.filter.next
            return InboxArchiveUpdate.refresh(&state) + select(state.visible, 0, in: &state)
        case .cycleTagg:
            let taggs = Array(Set((state.transactions + state.closedRecent).map { $0.tagg.uppercased() })).sorted()
            if let current = state.taggFilter?.uppercased(), let position = taggs.firstIndex(of: current) {
                state.taggFilter = position + 1 < taggs.count ? taggs[position + 1] : nil
            } else {
                state.taggFilter = taggs.first
            }
            return InboxArchiveUpdate.refresh(&state) + select(state.visible, 0, in: &state)
        case .startSearch:
            state.searchDraft = state.search
            state.mode = .search
            return []
        case .clearSearch:
            state.search = ""
            return InboxArchiveUpdate.refresh(&state)
        case .showHelp:
            state.helpReturnMode = .inbox
            state.mode = .help
            return []
        case .openBroadcast:
            return BroadcastUpdate.open(in: &state)
        case .quit:
            let armed = state.quitArmedUntil.map { now in now > state.now } ?? false
            if let run = state.broadcastRun, !run.isOver, !armed {
                // Quitting stops the broadcast: ask once more.
                state.quitArmedUntil = state.now.addingTimeInterval(6)
                flash(
                    "Broadcast \(run.campaign.id) is sending: q again stops it and quits (the rest stays queued).",
                    error: true, in: &state)
                return []
            }
            state.quitting = true
            return [.quit]
        default:
            return []
        }
    }

    private static func select(_ rows: [InboxTransaction], _ index: Int, in state: inout ConsoleState)
        -> [ConsoleEffect]
    {
        guard !rows.isEmpty else { return [] }
        let target = min(max(0, index), rows.count - 1)
        let more = InboxArchiveUpdate.loadMoreIfNeeded(selectedIndex: target, shown: rows.count, in: &state)
        let id = rows[target].id
        guard id != state.selectedID else { return more }
        state.selectedID = id
        state.detailScroll = 0
        return [.loadJournal(id)] + more
    }

    private static func openReply(in state: inout ConsoleState) -> [ConsoleEffect] {
        guard let selected = state.selected else { return [] }
        let status = selected.status(now: state.now, window: state.window)
        guard status.isOpen else {
            flash("\(selected.id) is \(status.rawValue): nothing to reply to", error: true, in: &state)
            return []
        }
        if state.compose?.transactionID != selected.id { state.compose = ComposeDraft(transactionID: selected.id) }
        state.compose?.result = nil
        state.mode = .compose
        let others = state.composers(of: selected.id)
        if let first = others.first {
            let who = first.operatorName + (others.count > 1 ? " and \(others.count - 1) more" : "")
            flash(
                "\(who) is writing a reply to \(selected.id) too: whichever is sent first goes out, the other is "
                    + "refused.", error: false, in: &state)
        }
        return []
    }

    private static func composeKey(_ key: Key, _ action: ConsoleAction?, in state: inout ConsoleState)
        -> [ConsoleEffect]
    {
        guard var draft = state.compose else {
            state.mode = .inbox
            return []
        }
        defer { state.compose = draft }
        if action == .leavePane {
            state.mode = .inbox
            return []
        }
        guard !draft.sending else { return [] }
        switch action {
        case .send: return send(&draft, in: state)
        case .insertNewline: draft.insert("\n")
        case .togglePaid: draft.paid.toggle()
        case .nextCannedReply:
            let tagg = state.transaction(id: draft.transactionID)?.tagg ?? ""
            let choices = CannedReply.applicable(state.cannedReplies, to: tagg)
            guard !choices.isEmpty else {
                draft.result = "No canned replies for this tagg: add them to console.canned_replies."
                draft.resultIsError = true
                return []
            }
            let next = draft.cannedIndex.map { ($0 + 1) % choices.count } ?? 0
            draft.cannedIndex = next
            draft.replaceText(choices[next])
        case .cursorLeft: draft.moveLeft()
        case .cursorRight: draft.moveRight()
        case .cursorHome: draft.moveHome()
        case .cursorEnd: draft.moveEnd()
        case .deleteBackward: draft.backspace()
        case .deleteForward: draft.deleteForward()
        default:
            if case .character(let character) = key { draft.insert(character) }
            if case .tab = key { draft.insert(" ") }
        }
        draft.result = nil
        return []
    }

    private static func send(_ draft: inout ComposeDraft, in state: ConsoleState) -> [ConsoleEffect] {
        guard let transaction = state.transaction(id: draft.transactionID) else {
            draft.result = "This text is no longer in the inbox."
            draft.resultIsError = true
            return []
        }
        if let refusal = ComposePreflight.refusal(for: draft, transaction: transaction, state: state) {
            draft.result = refusal.description
            draft.resultIsError = true
            return []
        }
        draft.sending = true
        draft.result = "sending…"
        draft.resultIsError = false
        return [.sendReply(transactionID: draft.transactionID, message: draft.text, paid: draft.paid)]
    }

    private static func searchKey(_ key: Key, _ action: ConsoleAction?, in state: inout ConsoleState)
        -> [ConsoleEffect]
    {
        switch action {
        case .applySearch:
            state.search = state.searchDraft
            state.mode = .inbox
            return InboxArchiveUpdate.refresh(&state) + select(state.visible, 0, in: &state)
        case .leavePane:
            state.mode = .inbox
        case .deleteBackward:
            if !state.searchDraft.isEmpty { state.searchDraft.removeLast() }
        default:
            if case .character(let character) = key { state.searchDraft.append(character) }
        }
        return []
    }

    // MARK: - Engine events

    /// After the working set was loaded (`joined` nil) or changed: rings for new texts, keeps a visible text
    /// selected, and reloads the selected text's journal when it changed (or on a load).
    private static func loaded(joined: [String]?, changed: Set<String>?, into state: inout ConsoleState)
        -> [ConsoleEffect]
    {
        let firstLoad = !state.hasLoaded
        state.hasLoaded = true
        var effects: [ConsoleEffect] = []
        if !firstLoad, state.bell, let joined, !joined.isEmpty {
            // A text that joined the working set open is a new one (a closed one is an older text catching up).
            let joinedSet = Set(joined)
            if state.transactions.reversed().contains(where: { joinedSet.contains($0.id) }) { effects.append(.bell) }
        }
        forgetClosed(in: &state)
        let inbox = InboxSnapshot(state)
        if let id = state.selectedID, inbox.selected?.id == id {
            if changed?.contains(id) ?? true { effects.append(.loadJournal(id)) }
        } else if let first = inbox.selected {
            state.selectedID = first.id
            effects.append(.loadJournal(first.id))
        }
        return effects
    }

    /// Drops what the state keeps about texts no longer loaded (journals) or long closed (last-minute bells), so a
    /// console left open for weeks does not grow.
    private static func forgetClosed(in state: inout ConsoleState) {
        let forgetBefore = state.now.addingTimeInterval(-state.window.windowSeconds - 60)
        state.warnedLastMinute = state.warnedLastMinute.filter { $0.value >= forgetBefore }
        if state.journals.count > 64 {
            let loaded = Set((state.transactions + state.closedRecent + state.archive.transactions).map(\.id))
            state.journals = state.journals.filter { loaded.contains($0.key) || $0.key == state.selectedID }
        }
    }

    private static func finished(_ id: String, _ report: ReplyReport, in state: inout ConsoleState)
        -> [ConsoleEffect]
    {
        let (text, succeeded) = ReplyOutcomeText.describe(report)
        if state.compose?.transactionID == id {
            state.compose?.sending = false
            state.compose?.result = text
            state.compose?.resultIsError = !succeeded
            if succeeded {
                state.compose = nil
                if state.mode == .compose { state.mode = .inbox }
            }
        }
        flash("\(id): \(text)", error: !succeeded, in: &state)
        return [.loadJournal(id)]
    }

    // MARK: - Time

    /// Rings once for each open text reaching its last minute. The texts are ordered by receipt, so only those
    /// received between one window and one window less a minute ago are looked at (a binary search, not a scan).
    private static func lastMinuteBells(_ state: inout ConsoleState) -> [ConsoleEffect] {
        guard state.bell else { return [] }
        let earliest = state.now.addingTimeInterval(-state.window.windowSeconds)
        let latest = earliest.addingTimeInterval(60)
        var low = 0
        var high = state.transactions.count
        while low < high {
            let middle = (low + high) / 2
            if state.transactions[middle].receivedAt <= earliest { low = middle + 1 } else { high = middle }
        }
        var ring = false
        var index = low
        while index < state.transactions.count, state.transactions[index].receivedAt <= latest {
            let transaction = state.transactions[index]
            index += 1
            guard state.warnedLastMinute[transaction.id] == nil,
                transaction.status(now: state.now, window: state.window).isOpen
            else { continue }
            state.warnedLastMinute[transaction.id] = transaction.receivedAt
            ring = true
        }
        return ring ? [.bell] : []
    }

    /// A line under the inbox for a few seconds.
    static func flash(_ text: String, error: Bool, in state: inout ConsoleState) {
        state.flash = (text, error, state.now.addingTimeInterval(6))
    }
}
