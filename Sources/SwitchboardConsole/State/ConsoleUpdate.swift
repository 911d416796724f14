import Foundation
import SwitchboardEngine

/// The one place the console's state changes: `update(state, event) -> effects` (the model is Bubble Tea's
/// Update). Pure: no I/O, no clock, no terminal; the effects are carried out by the runtime and come back as events.
/// Each part of the state has its part of the update: the inbox ``InboxUpdate`` (with ``WorkingSetUpdate`` and
/// ``InboxArchiveUpdate``), the search field ``SearchUpdate``, the reply pane ``ComposeUpdate``, the broadcast
/// screen ``BroadcastUpdate`` and ``BroadcastRunUpdate``; this one routes events and keys to them.
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
            let bells = state.bell ? InboxUpdate.lastMinuteBells(in: &state.inbox, now: now, window: state.window) : []
            return bells + ScheduledSendUpdate.due(in: &state)
                + InboxArchiveUpdate.followClock(&state.inbox, now: now, window: state.window)
        case .timeZoneChanged(let offset):
            state.timeZoneOffset = offset
            return []
        case .resize(let width, let height):
            state.geometry = ScreenGeometry(width: width, height: height)
            return []
        case .inboxLoaded(let transactions):
            return InboxUpdate.given(transactions, in: &state)
        case .inboxFollowed(let read, let since):
            return InboxUpdate.followed(read, since: since, in: &state)
        case .inboxChanged(let changes):
            return InboxUpdate.changed(changes, in: &state)
        case .archivePageLoaded(let query, let page):
            return InboxArchiveUpdate.pageLoaded(query, page, in: &state.inbox)
        case .archivePageFailed(let query, let reason):
            if InboxArchiveUpdate.pageFailed(query, in: &state.inbox) {
                flash("Older texts could not be read: \(reason)", error: true, in: &state)
            }
            return []
        case .archiveCounted(let query, let total):
            InboxArchiveUpdate.counted(query, total, in: &state.inbox)
            return []
        case .storeUnavailable(let reason):
            InboxUpdate.storeUnavailable(reason, in: &state)
            return []
        case .journalLoaded(let id, let entries):
            InboxUpdate.journalLoaded(id, entries, in: &state.inbox)
            return []
        case .composingLoaded(let marks):
            state.inbox.othersComposing = Dictionary(grouping: marks, by: \.transactionID)
            return []
        case .replyFinished(let id, let report):
            return ComposeUpdate.finished(id, report, in: &state)
        case .statusChanged(let status):
            state.status = status
            return []
        case .terminate:
            return leave(&state)
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

    // MARK: - Keys

    private static func handle(_ key: Key, in state: inout ConsoleState) -> [ConsoleEffect] {
        if state.geometry.isTooSmall {
            // Nothing acts unseen: only q (outside the reply pane) works until the window grows.
            guard key == .character("q"), !state.mode.isReplyPane else { return [] }
            return leave(&state)
        }
        switch key {
        case .pasteBegin:
            state.pasting = true
            if state.mode == .compose { ComposeUpdate.pasteBegan(in: &state.compose) }
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
            return SearchUpdate.key(key, action, in: &state)
        case .compose:
            return ComposeUpdate.key(key, action, in: &state)
        case .cannedPicker:
            return CannedPickerUpdate.pickerKey(key, action, in: &state)
        case .cannedPrompt:
            return CannedPickerUpdate.promptKey(key, action, in: &state)
        case .inbox:
            guard let action else { return [] }
            return InboxUpdate.action(action, in: &state)
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
        case .compose:
            ComposeUpdate.paste(character, in: &state.compose)
        case .cannedPicker, .cannedPrompt:
            CannedPickerUpdate.paste(character, in: &state)
        case .search where character != "\n":
            state.inbox.search.type(character)
        case .broadcastCompose:
            BroadcastUpdate.paste(character, in: &state)
        default:
            break
        }
        return []
    }

    /// `q` in the inbox: quits, unless a broadcast is sending and this is the first `q` (it asks once more, since
    /// quitting stops the broadcast).
    static func quit(in state: inout ConsoleState) -> [ConsoleEffect] {
        let armed = state.quitArmedUntil.map { now in now > state.now } ?? false
        if !state.compose.scheduled.isEmpty, !armed {
            state.quitArmedUntil = state.now.addingTimeInterval(6)
            let count = state.compose.scheduled.count
            flash(
                "\(count) repl\(count == 1 ? "y is" : "ies are") waiting to be sent: q again quits without sending, u "
                    + "takes it back.", error: true, in: &state)
            return []
        }
        if let run = state.broadcastRun, !run.isOver, !armed {
            state.quitArmedUntil = state.now.addingTimeInterval(6)
            flash(
                "Broadcast \(run.campaign.id) is sending: q again stops it and quits (the rest stays queued).",
                error: true, in: &state)
            return []
        }
        return leave(&state)
    }

    /// The console leaves: the state says so (the loop reads it and ends) and the runtime is asked to quit.
    private static func leave(_ state: inout ConsoleState) -> [ConsoleEffect] {
        state.quitting = true
        return [.quit]
    }

    /// A line under the inbox for a few seconds.
    static func flash(_ text: String, error: Bool, in state: inout ConsoleState) {
        state.flash = (text, error, state.now.addingTimeInterval(6))
    }
}
