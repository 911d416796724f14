import Foundation
import SwitchboardText
import Testing

@testable import SwitchboardConsole
@testable import SwitchboardEngine

/// Several operators on one inbox: this console tells the others what it is writing to, and shows who else is
/// writing to what, who is sending, and who answered.
@Suite struct SoftLockTests {
    static func mark(_ id: String, _ name: String, console: String = "other", secondsLeft: Double = 50)
        -> ComposingMark
    {
        ComposingMark(
            consoleID: console, transactionID: id, operatorName: name,
            since: ConsoleFixture.now.addingTimeInterval(-10),
            until: ConsoleFixture.now.addingTimeInterval(secondsLeft))
    }

    @Test func openingAndLeavingTheReplyPaneMarksAndClears() {
        var state = ConsoleFixture.state()
        #expect(ConsoleFixture.apply([.key(.character("j"))], to: &state) == [.loadJournal("102")])
        #expect(ConsoleFixture.apply([.key(.enter)], to: &state) == [.markComposing("102")])
        #expect(ConsoleFixture.apply(ConsoleFixture.keys("on it"), to: &state).isEmpty, "typing marks nothing")
        #expect(ConsoleFixture.apply([.key(.escape)], to: &state) == [.markComposing(nil)])
        #expect(state.compose.draft?.text == "on it", "the draft is kept")
        #expect(ConsoleFixture.apply([.key(.character("r"))], to: &state) == [.markComposing("102")])
        #expect(ConsoleFixture.apply([.terminate], to: &state) == [.quit], "the runtime clears the mark on the way out")
    }

    @Test func theInboxShowsWhoIsWritingSendingAndWhoAnswered() {
        var state = ConsoleFixture.state()
        var inbox = ConsoleFixture.inbox
        inbox[1].state = .replying
        inbox[1].claim = ReplyClaim(
            token: "t", operatorName: "carmen", claimedAt: ConsoleFixture.now,
            leaseUntil: ConsoleFixture.now.addingTimeInterval(60))
        inbox[4].operatorName = "dmitri-the-night-shift"
        ConsoleFixture.apply(
            [
                .inboxLoaded(inbox),
                .composingLoaded([
                    Self.mark("101", "bob"), Self.mark("103", "alice"), Self.mark("103", "eve", console: "third"),
                ]),
            ], to: &state)
        var lines = ConsoleRenderer.render(state).lines
        #expect(lines[2] == "▶00:30   PIZZA   101           Where is my order? It's been 45… ✎ bob           ")
        #expect(lines[3] == " 04:00   HELP    102           HELP my card was charged twice   replying · car… ")
        #expect(lines[4] == " 09:00   INFO    103           Привет! Когда вы открываетесь?   ✎ alice +1      ")
        #expect(lines[5].hasSuffix("pending         "), "nobody on 104")
        #expect(lines[15].hasPrefix(" PIZZA · 101 · received 07:30:30 · deadline 08:00:30 · pending"))
        #expect(lines[16] == TextLayout.pad(" ✎ bob is writing a reply (since 07:59:50)", to: 80))

        ConsoleFixture.apply([.key(.character("f")), .key(.character("f"))], to: &state)
        lines = ConsoleRenderer.render(state).lines
        #expect(lines[2] == "▶✓       INFO    105           Are you open on Sunday?          replied · dmit… ")

        // A mark not renewed lapses by itself (its console died).
        ConsoleFixture.apply(
            [.key(.character("f")), .key(.character("f")), .tick(ConsoleFixture.now + 51)], to: &state)
        lines = ConsoleRenderer.render(state).lines
        #expect(!lines.joined().contains("✎"), "\(lines.joined(separator: "\n"))")
    }

    @Test func writingToATextSomeoneElseIsWritingToSaysSo() {
        var state = ConsoleFixture.state()
        ConsoleFixture.apply([.composingLoaded([Self.mark("101", "bob\u{1B}[31m")])], to: &state)
        ConsoleFixture.apply([.key(.enter)], to: &state)
        #expect(state.mode == .compose)
        #expect(state.flash?.isError == false, "a note, not an error")
        let lines = ConsoleRenderer.render(state).lines
        let layout = ScreenGeometry(width: 80, height: 24).inbox
        #expect(lines[layout.separator].hasPrefix(" bob␛[31m is writing a reply to 101 too: whichever is sent first"))
        #expect(lines[layout.paneTop].contains("paid: off (Ctrl-P) · ✎ also bob␛[31m"), "\(lines[layout.paneTop])")
        #expect(!lines.joined().contains("\u{1B}"), "the name is shown inert")
    }
}
