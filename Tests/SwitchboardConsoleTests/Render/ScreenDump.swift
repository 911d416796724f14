import Foundation
import Testing

@testable import SwitchboardConsole

/// Prints a rendered screen when SWITCHBOARD_DUMP_SCREENS is set (for writing the literal-line tests).
@Suite struct ScreenDump {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["SWITCHBOARD_DUMP_SCREENS"] != nil))
    func dump() {
        var state = ConsoleFixture.state()
        print(ConsoleRenderer.render(state).lines.map { "|\($0)|" }.joined(separator: "\n"))
        state = ConsoleFixture.state(width: 120, height: 40)
        print(ConsoleRenderer.render(state).lines.map { "|\($0)|" }.joined(separator: "\n"))
        for (width, height) in [(80, 24), (120, 40)] {
            state = ConsoleFixture.state(width: width, height: height)
            ConsoleFixture.apply([.key(.character("?"))], to: &state)
            print(ConsoleRenderer.render(state).lines.map { "|\($0)|" }.joined(separator: "\n"))
        }
    }
}
