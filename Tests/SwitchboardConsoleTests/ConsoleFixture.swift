import Foundation
import SwitchboardText

@testable import SwitchboardConsole
@testable import SwitchboardEngine

/// A console state with a fixed clock and a known inbox.
enum ConsoleFixture {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)  // 2027-01-15 08:00:00 UTC

    static func transaction(
        _ id: String, _ tagg: String, _ message: String, minutesAgo: Double, state: TransactionState = .pending,
        reply: String? = nil
    ) -> InboxTransaction {
        InboxTransaction(
            id: id, tagg: tagg, message: message, receivedAt: now.addingTimeInterval(-minutesAgo * 60), state: state,
            replyMessage: reply)
    }

    static let inbox: [InboxTransaction] = [
        transaction("101", "PIZZA", "Where is my order? It's been 45 minutes", minutesAgo: 29.5),
        transaction("102", "HELP", "HELP my card was charged twice", minutesAgo: 26),
        transaction("103", "INFO", "Привет! Когда вы открываетесь?", minutesAgo: 21),
        transaction("104", "HELP", "\u{1B}[2Jhostile\u{202E}text\r\n", minutesAgo: 5),
        transaction("105", "INFO", "Are you open on Sunday?", minutesAgo: 12, state: .replied, reply: "Yes, 10-4"),
        transaction("106", "HELP", "too late", minutesAgo: 40),
    ]

    static func state(width: Int = 80, height: Int = 24) -> ConsoleState {
        TerminalLocale.activate()
        var state = ConsoleState(window: ReplyWindow(), now: now, width: width, height: height)
        state.timeZoneOffset = 0
        state.status = ConsoleStatus(
            receiverAddress: "127.0.0.1:8080", lastCallbackAt: now.addingTimeInterval(-12), operatorName: "ana")
        _ = ConsoleUpdate.update(&state, .inboxLoaded(inbox))
        return state
    }

    /// Applies events and returns every effect.
    @discardableResult
    static func apply(_ events: [ConsoleEvent], to state: inout ConsoleState) -> [ConsoleEffect] {
        events.flatMap { ConsoleUpdate.update(&state, $0) }
    }

    static func keys(_ text: String) -> [ConsoleEvent] {
        text.map { .key(.character($0)) }
    }
}
