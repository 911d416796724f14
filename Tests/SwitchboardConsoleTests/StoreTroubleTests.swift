import Foundation
import Testing

@testable import SwitchboardConsole
@testable import SwitchboardEngine

/// A shared store that stops answering: the console says so, keeps what it shows, and clears the warning when a load
/// succeeds again.
@Suite struct StoreTroubleTests {
    @Test func theStatusBarSaysTheInboxMayBeStaleUntilALoadSucceeds() {
        var state = ConsoleFixture.state()
        ConsoleFixture.apply([.storeUnavailable("the store is unavailable: connection refused")], to: &state)
        ConsoleFixture.apply(
            [.tick(ConsoleFixture.now + 12), .storeUnavailable("the store is unavailable: timed out\u{7}")], to: &state)
        var lines = ConsoleRenderer.render(state).lines
        #expect(
            lines[23] == " ✗ store unreachable for 12s · the inbox may be stale · the store is unavailab… ",
            "\(lines[23])")
        ConsoleFixture.apply([.resize(width: 120, height: 24)], to: &state)
        #expect(ConsoleRenderer.render(state).lines[23].contains("unavailable: timed out␇"), "shown inert")
        #expect(!lines[23].contains("\u{7}"))
        #expect(lines[2].contains("101"), "what was loaded stays shown")
        ConsoleFixture.apply([.inboxLoaded(ConsoleFixture.inbox)], to: &state)
        lines = ConsoleRenderer.render(state).lines
        #expect(lines[23].hasPrefix(" ● receiving 127.0.0.1:8080"))
    }
}
