import Foundation
import Testing

@testable import SwitchboardConsole

/// Prints the broadcast screens when SWITCHBOARD_DUMP_SCREENS is set (for writing the literal-line tests).
@Suite struct BroadcastScreenDump {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["SWITCHBOARD_DUMP_SCREENS"] != nil))
    func dump() {
        for (width, height) in [(80, 24), (120, 40)] {
            var compose = BroadcastFixture.state(width: width, height: height)
            ConsoleFixture.apply([.key(.character("b"))], to: &compose)
            ConsoleFixture.apply(ConsoleFixture.keys("+44 7700 900123, 07700"), to: &compose)
            ConsoleFixture.apply([.key(.tab)] + ConsoleFixture.keys("Your table is ready"), to: &compose)
            let states = [
                compose,
                BroadcastDump.review(width: width, height: height),
                BroadcastFixture.sending(width: width, height: height),
                BroadcastFixture.finished(width: width, height: height),
            ]
            var big = BroadcastFixture.reviewing(
                recipients: BroadcastFixture.numbers(150), body: "Doors open at 6 tonight — see you there! 🎉",
                width: width, height: height)
            ConsoleFixture.apply(ConsoleFixture.keys("15"), to: &big)
            var help = BroadcastFixture.finished(width: width, height: height)
            ConsoleFixture.apply([.key(.character("?"))], to: &help)
            var inbox = BroadcastFixture.sending(width: width, height: height)
            ConsoleFixture.apply([.key(.escape)], to: &inbox)
            var cancel = BroadcastFixture.sending(width: width, height: height)
            ConsoleFixture.apply([.key(.character("c"))], to: &cancel)
            for state in states + [big, help, inbox, cancel] {
                print(ConsoleRenderer.render(state).lines.map { "|\($0)|" }.joined(separator: "\n"))
            }
        }
    }
}

enum BroadcastDump {
    static func review(width: Int, height: Int) -> ConsoleState {
        let recipients =
            "phone,name\n+447700901000,Ana\n0044 7700 901001,Ben\n+447700901002,Chloé\n+44 77,Dan\n"
            + "+447700901000,Ana again"
        return BroadcastFixture.reviewing(
            recipients: recipients, body: "Hi {name}, your table is ready", fileName: "customers.csv", width: width,
            height: height)
    }
}
