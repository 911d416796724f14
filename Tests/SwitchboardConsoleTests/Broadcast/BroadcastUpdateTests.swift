import Foundation
import SwitchboardText
import Testing

@testable import SwitchboardConsole
@testable import SwitchboardEngine

/// The broadcast screen's keys and the engine's answers through `update`.
@Suite struct BroadcastUpdateTests {
    @Test func withoutTaggetBSaysWhichKeysToSet() {
        var state = ConsoleFixture.state()
        let effects = ConsoleFixture.apply([.key(.character("b"))], to: &state)
        #expect(effects.isEmpty)
        #expect(state.mode == .inbox)
        #expect(state.flash?.text.contains("tagget.id and tagget.token") == true)
        #expect(state.flash?.isError == true)
    }

    @Test func tabSwitchesFieldsAndKeysTypeIntoTheFocusedOne() {
        var state = BroadcastFixture.state()
        ConsoleFixture.apply([.key(.character("b"))], to: &state)
        #expect(state.mode == .broadcastCompose)
        #expect(state.broadcast.field == .recipients)
        #expect(state.broadcast.sender.text == "Tagget", "the sender starts as tagget.sender")
        ConsoleFixture.apply(ConsoleFixture.keys("+447700901000, +447700901000; 123"), to: &state)
        #expect(state.broadcast.typed?.recipients == 1)
        #expect(state.broadcast.typed?.duplicates == 1)
        #expect(state.broadcast.typed?.invalid == 1)
        ConsoleFixture.apply([.key(.tab)] + ConsoleFixture.keys("q? b r"), to: &state)
        #expect(state.broadcast.field == .body)
        #expect(state.broadcast.body.text == "q? b r", "q, ?, b and r are text in a field")
        #expect(state.mode == .broadcastCompose)
        ConsoleFixture.apply([.key(.newline), .key(.character("x")), .key(.left), .key(.backspace)], to: &state)
        #expect(state.broadcast.body.text == "q? b rx")
        ConsoleFixture.apply([.key(.tab), .key(.end), .key(.backspace)], to: &state)
        #expect(state.broadcast.field == .sender)
        #expect(state.broadcast.sender.text == "Tagge")
        ConsoleFixture.apply([.key(.newline)], to: &state)
        #expect(state.broadcast.sender.text == "Tagge", "the sender is one line")
        ConsoleFixture.apply([.key(.tab)], to: &state)
        #expect(state.broadcast.field == .recipients, "Tab wraps around")
        ConsoleFixture.apply([.key(.escape)], to: &state)
        #expect(state.mode == .inbox)
        ConsoleFixture.apply([.key(.character("b"))], to: &state)
        #expect(state.broadcast.body.text == "q? b rx", "the draft stays")
    }

    @Test func aPasteKeepsItsLineBreaksAndIsCountedOnce() {
        var state = BroadcastFixture.state()
        ConsoleFixture.apply([.key(.character("b"))], to: &state)
        ConsoleFixture.apply(ConsoleInputTests.paste("+447700901000\n+447700901001\nq"), to: &state)
        #expect(state.broadcast.recipients.text == "+447700901000\n+447700901001\nq")
        #expect(state.mode == .broadcastCompose, "a pasted q runs nothing")
        #expect(state.broadcast.typed?.recipients == 2)
        #expect(state.broadcast.typed?.invalid == 1)
        #expect(state.broadcast.typed?.firstInvalid?.line == 3)
    }

    @Test func enterAsksForTheDryRunAndAStaleAnswerIsIgnored() {
        var state = BroadcastFixture.state()
        ConsoleFixture.apply([.key(.character("b"))] + ConsoleFixture.keys("+447700901000"), to: &state)
        ConsoleFixture.apply([.key(.tab)] + ConsoleFixture.keys("Hello"), to: &state)
        let effects = ConsoleFixture.apply([.key(.enter)], to: &state)
        guard case .planBroadcast(let draft) = effects.first, effects.count == 1 else {
            Issue.record("expected one dry-run request, got \(effects)")
            return
        }
        #expect(draft.recipients == "+447700901000")
        #expect(draft.fileName == nil)
        #expect(draft.body == "Hello")
        #expect(draft.sender == "Tagget")
        #expect(state.broadcast.notice == "Working out the dry run…")
        // The body changes before the answer comes: the answer is for another draft.
        ConsoleFixture.apply([.key(.character("!"))], to: &state)
        ConsoleFixture.apply([.broadcastPlanned(BroadcastFixture.planned(draft))], to: &state)
        #expect(state.mode == .broadcastCompose)
        #expect(state.broadcast.planned == nil)

        let again = ConsoleFixture.apply([.key(.enter)], to: &state)
        guard case .planBroadcast(let second) = again.first else {
            Issue.record("expected a second dry-run request")
            return
        }
        ConsoleFixture.apply([.broadcastPlanned(BroadcastFixture.planned(second))], to: &state)
        #expect(state.mode == .broadcastReview)
        #expect(state.broadcast.planned?.recipientCount == 1)
        ConsoleFixture.apply([.key(.escape)], to: &state)
        #expect(state.mode == .broadcastCompose, "Esc goes back to editing")
        #expect(ConsoleFixture.apply([.key(.enter)], to: &state).isEmpty, "an unchanged draft is not worked out twice")
        #expect(state.mode == .broadcastReview)
    }

    @Test func aFilePathIsReadBeforeTheDryRun() {
        var state = BroadcastFixture.state()
        ConsoleFixture.apply([.key(.character("b"))] + ConsoleFixture.keys("customers.csv"), to: &state)
        #expect(state.broadcast.recipientsIsPath)
        ConsoleFixture.apply([.key(.tab)] + ConsoleFixture.keys("Hi {name}"), to: &state)
        let read = ConsoleFixture.apply([.key(.enter)], to: &state)
        #expect(read == [.readRecipientsFile(path: "customers.csv")])
        let content = "phone,name\n+447700901000,Ana\n"
        let file = RecipientsFile(
            path: "customers.csv", name: "customers.csv", content: content, readAsWindows1252: false,
            summary: RecipientSummary(RecipientImport.file(named: "customers.csv", content: content)))
        let planned = ConsoleFixture.apply([.recipientsFileRead(.loaded(file))], to: &state)
        guard case .planBroadcast(let draft) = planned.first else {
            Issue.record("the dry run follows the read, got \(planned)")
            return
        }
        #expect(draft.recipients == content)
        #expect(draft.fileName == "customers.csv")
        ConsoleFixture.apply([.broadcastPlanned(BroadcastFixture.planned(draft))], to: &state)
        #expect(state.broadcast.planned?.plan.canSend == true)
        #expect(state.broadcast.planned?.plan.dryRun?.preview?.body == "Hi Ana")
    }

    @Test func aFileThatCannotBeReadSaysWhy() {
        var state = BroadcastFixture.state()
        ConsoleFixture.apply([.key(.character("b"))] + ConsoleFixture.keys("/nowhere/list.txt"), to: &state)
        ConsoleFixture.apply([.key(.enter)], to: &state)
        ConsoleFixture.apply(
            [.recipientsFileRead(.failed(path: "/nowhere/list.txt", reason: "No file at /nowhere/list.txt"))],
            to: &state)
        #expect(state.mode == .broadcastCompose)
        #expect(state.broadcast.notice == "No file at /nowhere/list.txt")
        #expect(state.broadcast.noticeIsError)
        let effects = ConsoleFixture.apply([.key(.control("o"))], to: &state)
        #expect(effects == [.readRecipientsFile(path: "/nowhere/list.txt")], "Ctrl-O tries again")
    }

    @Test func upToAHundredEnterStarts() {
        var state = BroadcastFixture.reviewing(recipients: BroadcastFixture.numbers(100), body: "Hello")
        let effects = ConsoleFixture.apply([.key(.enter)], to: &state)
        #expect(effects.count == 1)
        guard case .startBroadcast(let planned) = effects.first else {
            Issue.record("expected a start, got \(effects)")
            return
        }
        #expect(planned.recipientCount == 100)
        #expect(state.broadcast.starting)
        #expect(ConsoleFixture.apply([.key(.enter)], to: &state).isEmpty, "a second Enter starts nothing more")
    }

    @Test func aboveAHundredTheCountMustBeTyped() {
        var state = BroadcastFixture.reviewing(recipients: BroadcastFixture.numbers(101), body: "Hello")
        #expect(ConsoleFixture.apply([.key(.enter)], to: &state).isEmpty)
        #expect(state.broadcast.notice == "Type 101, the number of recipients, then Enter.")
        ConsoleFixture.apply(ConsoleFixture.keys("1x0"), to: &state)
        #expect(state.broadcast.confirmation == "10", "only digits are typed")
        #expect(ConsoleFixture.apply([.key(.enter)], to: &state).isEmpty)
        #expect(state.broadcast.notice == "10 is not 101: type the number of recipients exactly.")
        #expect(state.broadcast.noticeIsError)
        ConsoleFixture.apply(ConsoleFixture.keys("0") + [.key(.backspace)] + ConsoleFixture.keys("1"), to: &state)
        #expect(state.broadcast.confirmation == "101")
        let effects = ConsoleFixture.apply([.key(.enter)], to: &state)
        guard case .startBroadcast(let planned) = effects.first else {
            Issue.record("expected a start, got \(effects)")
            return
        }
        #expect(planned.recipientCount == 101)
    }

    @Test func problemsStopTheStart() {
        var state = BroadcastFixture.reviewing(recipients: "+447700901000", body: "")
        #expect(state.broadcast.planned?.plan.canSend == false)
        #expect(ConsoleFixture.apply([.key(.enter)], to: &state).isEmpty)
        #expect(state.broadcast.notice?.hasPrefix("Nothing can be sent until the problems above are fixed") == true)
    }

    @Test func startedShowsTheProgressAndKeepsTheBodyForTheNext() {
        var state = BroadcastFixture.reviewing(recipients: "+447700901000", body: "Hello")
        ConsoleFixture.apply([.key(.enter), .broadcastStarted(BroadcastFixture.campaign(recipients: 1))], to: &state)
        #expect(state.mode == .broadcastProgress)
        #expect(state.broadcastRun?.campaign.id == "c-2345abcdef")
        #expect(state.broadcast.recipients.isEmpty, "the next broadcast starts with no recipients")
        #expect(state.broadcast.body.text == "Hello")
        #expect(!state.broadcast.starting)
    }

    @Test func aProgressEventUpdatesTheScreen() {
        var state = BroadcastFixture.sending()
        #expect(ConsoleRenderer.render(state).line(7).contains("482 sent"))
        ConsoleFixture.apply(
            [.broadcastProgress(BroadcastFixture.progress(sent: 903, rejected: 3, failed: 1, queued: 297))],
            to: &state)
        let lines = ConsoleRenderer.render(state).lines
        #expect(lines[7].contains("903 sent · 3 rejected · 1 failed · 0 unknown · 297 to go"))
        #expect(lines[5].hasSuffix("   75%  "))
        ConsoleFixture.apply(
            [
                .broadcastProgress(
                    BroadcastProgress(campaignID: "c-other", tally: CampaignTally(), startedAt: .now, now: .now))
            ],
            to: &state)
        #expect(state.broadcastRun?.progress?.tally[.sent] == 903, "another campaign's report is ignored")
    }

    @Test func pauseResumeAndCancelAsksFirst() {
        var state = BroadcastFixture.sending()
        #expect(ConsoleFixture.apply([.key(.character("p"))], to: &state) == [.pauseBroadcast])
        #expect(state.broadcastRun?.paused == true)
        #expect(ConsoleFixture.apply([.key(.character("p"))], to: &state) == [.resumeBroadcast])
        #expect(ConsoleFixture.apply([.key(.character("c"))], to: &state).isEmpty)
        #expect(state.broadcastRun?.confirmingCancel == true)
        #expect(ConsoleFixture.apply([.key(.character("n"))], to: &state).isEmpty, "any other key keeps sending")
        #expect(state.broadcastRun?.confirmingCancel == false)
        #expect(ConsoleFixture.apply([.key(.character("y"))], to: &state).isEmpty, "y alone cancels nothing")
        #expect(ConsoleFixture.apply([.key(.character("c")), .key(.character("y"))], to: &state) == [.cancelBroadcast])
        #expect(state.broadcastRun?.cancelling == true)
        #expect(ConsoleFixture.apply([.key(.character("p"))], to: &state).isEmpty, "no pause while cancelling")
    }

    @Test func escLeavesItSendingAndBComesBack() {
        var state = BroadcastFixture.sending()
        ConsoleFixture.apply([.key(.escape)], to: &state)
        #expect(state.mode == .inbox)
        let separator = ScreenGeometry(width: 80, height: 24).inbox.separator
        #expect(ConsoleRenderer.render(state).line(separator).hasSuffix(" broadcast 40% · b ──"))
        ConsoleFixture.apply([.key(.character("b"))], to: &state)
        #expect(state.mode == .broadcastProgress)
    }

    @Test func quittingWhileItSendsAsksOnce() {
        var state = BroadcastFixture.sending()
        ConsoleFixture.apply([.key(.escape)], to: &state)
        #expect(ConsoleFixture.apply([.key(.character("q"))], to: &state).isEmpty)
        #expect(!state.quitting)
        #expect(
            state.flash?.text
                == "Broadcast c-2345abcdef is sending: q again stops it and quits (the rest stays queued).")
        #expect(ConsoleFixture.apply([.key(.character("q"))], to: &state) == [.quit])
    }

    @Test func theEndShowsTheResultsAndLoadsThem() {
        var state = BroadcastFixture.sending()
        let effects = ConsoleFixture.apply([.broadcastEnded(campaignID: "c-2345abcdef", end: .finished)], to: &state)
        #expect(effects == [.loadBroadcastResults(campaignID: "c-2345abcdef")])
        #expect(state.mode == .broadcastResults)
        #expect(state.broadcastRun?.isOver == true)
    }

    @Test func anEndWhileInTheInboxIsAnnounced() {
        var state = BroadcastFixture.sending()
        ConsoleFixture.apply([.key(.escape), .broadcastEnded(campaignID: "c-2345abcdef", end: .finished)], to: &state)
        #expect(state.mode == .inbox)
        #expect(state.flash?.text.hasPrefix("Broadcast c-2345abcdef finished: 482 sent") == true)
        ConsoleFixture.apply([.tick(BroadcastFixture.now.addingTimeInterval(10))], to: &state)
        let separator = ScreenGeometry(width: 80, height: 24).inbox.separator
        #expect(ConsoleRenderer.render(state).line(separator).hasSuffix(" broadcast finished · b ──"))
        ConsoleFixture.apply([.key(.character("b"))], to: &state)
        #expect(state.mode == .broadcastResults)
        ConsoleFixture.apply([.key(.escape)], to: &state)
        #expect(!ConsoleRenderer.render(state).line(separator).contains("broadcast"), "seen: no more pointer")
    }

    @Test func retryFailedAsksTheEngineAndRunsAgain() {
        var state = BroadcastFixture.finished()
        #expect(ConsoleFixture.apply([.key(.character("r"))], to: &state) == [.retryFailed(campaignID: "c-2345abcdef")])
        #expect(state.broadcastRun?.retrying == true)
        #expect(ConsoleFixture.apply([.key(.character("r"))], to: &state).isEmpty, "once")
        ConsoleFixture.apply([.broadcastStarted(BroadcastFixture.campaign())], to: &state)
        #expect(state.mode == .broadcastProgress)
        #expect(state.broadcastRun?.isOver == false)
        #expect(state.broadcastRun?.notSent == nil)
    }

    @Test func nothingToRetrySaysWhy() {
        var state = BroadcastFixture.sending()
        let tally = CampaignTally(counts: [.sent: 1202, .rejected: 1, .unknown: 1])
        ConsoleFixture.apply(
            [
                .broadcastEnded(campaignID: "c-2345abcdef", end: .finished),
                .broadcastResults(campaignID: "c-2345abcdef", tally: tally, notSent: []),
            ], to: &state)
        #expect(ConsoleFixture.apply([.key(.character("r"))], to: &state).isEmpty)
        #expect(state.broadcastRun?.notice?.hasPrefix("Nothing failed to retry") == true)
    }

    @Test func aFailedRetryKeepsTheResults() {
        var state = BroadcastFixture.finished()
        ConsoleFixture.apply(
            [.key(.character("r")), .broadcastFailed(campaignID: "c-2345abcdef", reason: "campaign busy")], to: &state)
        #expect(state.mode == .broadcastResults)
        #expect(state.broadcastRun?.notSent?.count == 3)
        #expect(state.broadcastRun?.notice == "Not retried: campaign busy")
    }

    @Test func aStartThatFailsSaysWhyOnTheDryRun() {
        var state = BroadcastFixture.reviewing(recipients: "+447700901000", body: "Hello")
        ConsoleFixture.apply(
            [.key(.enter), .broadcastFailed(campaignID: nil, reason: "the store is read-only")], to: &state)
        #expect(state.mode == .broadcastReview)
        #expect(state.broadcast.notice == "Not started: the store is read-only")
        #expect(!state.broadcast.starting)
    }

    @Test func newBroadcastFromTheResults() {
        var state = BroadcastFixture.finished()
        ConsoleFixture.apply([.key(.character("n"))], to: &state)
        #expect(state.mode == .broadcastCompose)
        #expect(state.broadcastRun == nil)
    }

    @Test func helpFromTheBroadcastShowsItsKeysAndReturns() {
        var state = BroadcastFixture.finished()
        ConsoleFixture.apply([.key(.character("?"))], to: &state)
        #expect(state.mode == .help)
        let text = ConsoleRenderer.render(state).lines.joined(separator: "\n")
        #expect(text.contains("retry failed, resume"))
        #expect(text.contains("yes, cancel (after c)"))
        #expect(!text.contains("reply to this text"))
        ConsoleFixture.apply([.key(.escape)], to: &state)
        #expect(state.mode == .broadcastResults)
    }

    @Test func pathsAndNumbersAreToldApart() {
        for path in ["/tmp/list.csv", "~/customers.txt", "./a", "../b.csv", "customers.CSV", " 'my list.csv' "] {
            #expect(BroadcastInput.looksLikePath(path), "\(path)")
        }
        for numbers in ["+447700901000", "+44 7700 901000, +1 (839) 753-6474", "a.csv\nb.csv", "", "list"] {
            #expect(!BroadcastInput.looksLikePath(numbers), "\(numbers)")
        }
        #expect(BroadcastInput.trimmedPath(" 'my list.csv' ") == "my list.csv")
    }
}

/// The demo suggests a sample list: `Ctrl-O` on an empty recipients field reads it.
@Suite struct BroadcastSampleListTests {
    @Test func ctrlOOnAnEmptyFieldReadsTheSampleList() {
        var state = ConsoleFixture.state()
        state.enableBroadcasts(
            BroadcastSettings(
                sender: "Tagget", rate: .perSecond(10), concurrency: 4, sampleFile: "/tmp/demo/customers.csv"))
        ConsoleFixture.apply([.key(.character("b"))], to: &state)
        #expect(
            ConsoleRenderer.render(state).line(7).hasPrefix(
                "  No recipients yet. Ctrl-O reads a sample list (customers.csv)."))
        let effects = ConsoleFixture.apply([.key(.control("o"))], to: &state)
        #expect(effects == [.readRecipientsFile(path: "/tmp/demo/customers.csv")])
        #expect(state.broadcast.recipients.text == "/tmp/demo/customers.csv")
    }
}

/// Results that could not be loaded leave a message, not an empty list, and `b` asks again.
@Suite struct BroadcastResultsLoadTests {
    @Test func resultsThatDidNotLoadAreAskedForAgain() {
        var state = BroadcastFixture.sending()
        ConsoleFixture.apply(
            [
                .broadcastEnded(campaignID: "c-2345abcdef", end: .finished),
                .broadcastFailed(campaignID: "c-2345abcdef", reason: "the results could not be loaded (b tries again)"),
            ], to: &state)
        #expect(state.broadcastRun?.failure == nil, "the broadcast itself did not fail")
        #expect(state.broadcastRun?.notice == "the results could not be loaded (b tries again)")
        #expect(ConsoleRenderer.render(state).line(6) == TextLayout.pad(" Loading the results…", to: 80))
        ConsoleFixture.apply([.key(.escape)], to: &state)
        #expect(
            ConsoleFixture.apply([.key(.character("b"))], to: &state) == [
                .loadBroadcastResults(campaignID: "c-2345abcdef")
            ])
    }
}
