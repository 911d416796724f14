import SwitchboardEngine

/// The broadcast screen's part of ``ConsoleUpdate`` once a broadcast runs: pause, resume and cancel while it
/// sends, the results and "retry failed" once it stopped, and the runner's reports.
enum BroadcastRunUpdate {
    // MARK: - Keys

    /// A key while it sends. After `c`, `y` cancels and any other key keeps it sending.
    static func progressKey(_ action: ConsoleAction?, in state: inout ConsoleState) -> [ConsoleEffect] {
        guard var run = state.broadcastRun, !run.isOver else {
            state.mode = state.broadcastRun == nil ? .broadcastCompose : .broadcastResults
            return []
        }
        defer { state.broadcastRun = run }
        if run.confirmingCancel {
            run.confirmingCancel = false
            guard action == .confirmCancel else { return [] }
            run.cancelling = true
            return [.cancelBroadcast]
        }
        switch action {
        case .leavePane:
            state.mode = .inbox
        case .togglePause where !run.cancelling:
            run.paused.toggle()
            return [run.paused ? .pauseBroadcast : .resumeBroadcast]
        case .cancelBroadcast where !run.cancelling:
            run.confirmingCancel = true
        default:
            break
        }
        return []
    }

    /// A key on the results.
    static func resultsKey(_ action: ConsoleAction?, in state: inout ConsoleState) -> [ConsoleEffect] {
        guard var run = state.broadcastRun else {
            state.mode = .broadcastCompose
            return []
        }
        let rows = state.geometry.broadcast.resultRows
        let count = run.notSent?.count ?? 0
        func scroll(by lines: Int) {
            run.resultsScroll = min(max(0, run.resultsScroll + lines), max(0, count - rows))
        }
        switch action {
        case .leavePane: state.mode = .inbox
        case .moveUp: scroll(by: -1)
        case .moveDown: scroll(by: 1)
        case .pageUp: scroll(by: -max(1, rows - 1))
        case .pageDown: scroll(by: max(1, rows - 1))
        case .newBroadcast:
            state.broadcastRun = nil
            state.mode = .broadcastCompose
            return []
        case .retryFailed:
            let effects = retry(&run)
            state.broadcastRun = run
            return effects
        default: break
        }
        state.broadcastRun = run
        return []
    }

    /// "Retry failed": the failed recipients are queued again (nothing was sent to them) and the campaign runs
    /// again, which also sends what a cancel left queued. Rejected numbers are final; unknown ones are never
    /// retried from here, since they may have been texted.
    private static func retry(_ run: inout BroadcastRun) -> [ConsoleEffect] {
        guard run.isOver, !run.retrying else { return [] }
        let tally = run.tally
        guard tally[.failed] + tally[.queued] + tally[.sending] > 0 else {
            run.say(
                "Nothing failed to retry: rejected numbers are final, and unknown ones may have been texted.",
                error: true)
            return []
        }
        run.retrying = true
        run.say(tally[.failed] > 0 ? "Queuing the failed recipients again…" : "Resuming…")
        return [.retryFailed(campaignID: run.campaign.id)]
    }

    // MARK: - Engine events

    /// The campaign was stored and runs (a new one, or the same one again after "retry failed").
    static func started(_ campaign: Campaign, in state: inout ConsoleState) -> [ConsoleEffect] {
        let again = state.broadcastRun?.campaign.id == campaign.id
        state.broadcastRun = BroadcastRun(campaign: campaign)
        if !again {
            // The next broadcast starts from the same body and sender, with new recipients.
            let previous = state.broadcast
            state.broadcast = BroadcastScreen()
            state.broadcast.body = previous.body
            state.broadcast.sender = previous.sender
            state.broadcast.generation = previous.generation + 1
        }
        if state.mode.isBroadcast { state.mode = .broadcastProgress }
        if state.mode == .help, state.helpReturnMode.isBroadcast { state.helpReturnMode = .broadcastProgress }
        return []
    }

    static func progress(_ progress: BroadcastProgress, in state: inout ConsoleState) -> [ConsoleEffect] {
        guard state.broadcastRun?.campaign.id == progress.campaignID, state.broadcastRun?.isOver == false else {
            return []
        }
        state.broadcastRun?.progress = progress
        state.broadcastRun?.paused = progress.paused
        return []
    }

    /// The run stopped: show the results (or say so in the inbox) and load what was not sent.
    static func ended(_ id: String, _ end: BroadcastRunEnd, in state: inout ConsoleState) -> [ConsoleEffect] {
        guard var run = state.broadcastRun, run.campaign.id == id else { return [] }
        run.end = end
        run.confirmingCancel = false
        run.cancelling = false
        run.notice = nil
        if end == .lost {
            run.say("Another process took this broadcast over; this console stopped sending it.", error: true)
        }
        state.broadcastRun = run
        showResults(of: run, in: &state)
        return [.loadBroadcastResults(campaignID: id)]
    }

    /// The campaign's counts and what was not sent.
    static func results(
        _ id: String, tally: CampaignTally, notSent: [CampaignRecipient], in state: inout ConsoleState
    ) -> [ConsoleEffect] {
        guard state.broadcastRun?.campaign.id == id else { return [] }
        state.broadcastRun?.finalTally = tally
        state.broadcastRun?.notSent = notSent
        state.broadcastRun?.resultsScroll = 0
        return []
    }

    /// Storing, running or retrying failed.
    static func failed(_ id: String?, _ reason: String, in state: inout ConsoleState) -> [ConsoleEffect] {
        guard let id, var run = state.broadcastRun, run.campaign.id == id else {
            // Nothing started: the dry run says why.
            state.broadcast.starting = false
            state.broadcast.say("Not started: \(reason)", error: true)
            if state.mode == .broadcastCompose { state.mode = .broadcastReview }
            return []
        }
        if run.isOver {
            // A retry that did not start, or results that did not load: what is shown stands.
            run.say(run.retrying ? "Not retried: \(reason)" : reason, error: true)
            run.retrying = false
            state.broadcastRun = run
            return []
        }
        run.failure = reason
        run.cancelling = false
        run.confirmingCancel = false
        run.say("Stopped: \(reason)", error: true)
        state.broadcastRun = run
        showResults(of: run, in: &state)
        return [.loadBroadcastResults(campaignID: id)]
    }

    /// From the progress step to the results; elsewhere, a line in the inbox says the broadcast is over.
    private static func showResults(of run: BroadcastRun, in state: inout ConsoleState) {
        if state.mode == .broadcastProgress {
            state.mode = .broadcastResults
            state.broadcastRun?.resultsSeen = true
        } else if state.mode == .help, state.helpReturnMode == .broadcastProgress {
            state.helpReturnMode = .broadcastResults
            state.broadcastRun?.resultsSeen = true
        } else {
            ConsoleUpdate.flash(
                "Broadcast \(run.campaign.id) \(run.endWord): \(run.tally.summary) · b shows it",
                error: run.failure != nil, in: &state)
        }
    }
}
