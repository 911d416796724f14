import Foundation
import SwitchboardTestSupport
import Testing

@testable import SwitchboardEngine
@testable import SwitchboardSimulator

/// Two operators, two real consoles in tmux, one PostgreSQL store: each sees within a second who else is writing a
/// reply to what (the soft lock), who answered, and the mark gone when the other console quits.
@Suite(.enabled(if: !TestPostgres.skipped, "SWITCHBOARD_SKIP_POSTGRES=1"))
struct SharedInboxConsolesTests {
    /// How long a change made in one console may take to show in the other (issue 6: within a second).
    static let propagation: Duration = .seconds(1)

    @Test func eachConsoleShowsTheOthersSoftLockAndReply() async throws {
        let directory = try SwitchboardBinary.temporaryDirectory()
        let url = try await TestPostgres.shared.freshDatabaseURL()
        let simulator = ProviderSimulator()
        let baseURL = try await simulator.start()
        defer { Task { await simulator.stop() } }
        let store = try await PostgresStore.open(url: url)
        let now = Date()
        for (id, age) in [("shared-1", 120.0), ("shared-2", 60.0)] {
            simulator.tagga.openTransaction(id: id, tagg: "HELP", from: "+18397536474", message: "hi")
            let callback = InboundCallback(
                transactionID: id, tagg: "HELP", message: "Is my order on its way?", encoding: .utf8, taggKnown: true,
                receivedAt: now.addingTimeInterval(-age),
                raw: RawCallbackRequest(
                    method: "POST", target: "/tagga", contentType: nil, remoteAddress: nil, body: []))
            _ = try await store.insertCallbacks([callback])
        }
        try await store.close()

        func console(_ name: String) throws -> TmuxSession {
            let config = directory.appendingPathComponent("\(name).toml")
            try SwitchboardBinary.writeConfig(
                SwitchboardBinary.simulatorConfig(
                    storeURL: url, baseURL: baseURL, extra: "[console]\noperator = \"\(name)\"\nbell = false\n"),
                to: config)
            let state = directory.appendingPathComponent("state-\(name)").path
            return try TmuxSession(
                command: "env XDG_STATE_HOME=\(state) \(SwitchboardBinary.url.path) console --no-receiver "
                    + "--config \(config.path); echo EXIT-STATUS=$?; sleep 60")
        }
        let alice = try console("alice")
        let bob = try console("bob")
        defer {
            alice.kill()
            bob.kill()
        }
        for session in [alice, bob] {
            #expect(try await session.waitFor("shared-2"), "\(session.capture())")
        }

        // Alice opens a reply to the most urgent text: Bob sees her soft lock, in the row and in the detail pane.
        try alice.keys("Enter")
        #expect(try await alice.waitFor("Reply to shared-1"), "\(alice.capture())")
        var took = try await Self.timeUntil { Self.row("shared-1", in: bob).contains("✎ alice") }
        #expect(took != nil && took! <= Self.propagation, "Bob saw Alice's soft lock after \(String(describing: took))")
        #expect(bob.capture().contains("✎ alice is writing a reply"), "\(bob.capture())")

        // Bob opens the same text: he is told Alice is on it; Alice sees him too.
        try bob.keys("Enter")
        #expect(try await bob.waitFor("✎ also alice"), "\(bob.capture())")
        #expect(try await alice.waitFor("✎ also bob"), "\(alice.capture())")
        try bob.keys("Escape")
        // (Esc and a key arriving together would be one Alt chord: wait for the pane to close.)
        #expect(try await SwitchboardBinary.waitFor { !bob.capture().contains("Reply to shared-1") })

        // Bob watches the replied list; Alice sends: he sees her reply, signed, and its text.
        try bob.keys("f", "f")
        #expect(try await bob.waitFor("[replied]"), "\(bob.capture())")
        try alice.type("On its way")
        try alice.keys("Enter")
        #expect(try await alice.waitFor("shared-1: replied"), "\(alice.capture())")
        took = try await Self.timeUntil { Self.row("shared-1", in: bob).contains("replied · alice") }
        #expect(took != nil && took! <= Self.propagation, "Bob saw Alice's reply after \(String(describing: took))")
        #expect(bob.capture().contains("↳ On its way"), "\(bob.capture())")
        #expect(simulator.tagga.acceptedReplies.count == 1)

        // Bob writes to the other text, then quits: Alice sees the mark come and go.
        try bob.keys("f", "f", "f")
        #expect(try await bob.waitFor("[pending]"), "\(bob.capture())")
        try bob.keys("Enter")
        #expect(try await bob.waitFor("Reply to shared-2"), "\(bob.capture())")
        #expect(try await alice.waitFor("✎ bob"), "\(alice.capture())")
        try bob.keys("Escape")
        #expect(try await SwitchboardBinary.waitFor { !bob.capture().contains("Reply to shared-2") })
        try bob.keys("q")
        #expect(try await bob.waitFor("EXIT-STATUS=0"), "\(bob.capture())")
        took = try await Self.timeUntil { !alice.capture().contains("✎ bob") }
        #expect(took != nil && took! <= Self.propagation, "Bob's mark went after \(String(describing: took))")
        try alice.keys("q")
        #expect(try await alice.waitFor("EXIT-STATUS=0"), "\(alice.capture())")
    }

    /// The inbox row of a text, as a console shows it now.
    static func row(_ id: String, in session: TmuxSession) -> String {
        session.capture().split(separator: "\n").first { $0.contains(id) }.map(String.init) ?? ""
    }

    /// How long until `condition` holds, polled tightly (nil if not within 10 s).
    static func timeUntil(_ condition: () -> Bool) async throws -> Duration? {
        let clock = ContinuousClock()
        let start = clock.now
        while clock.now - start < .seconds(10) {
            if condition() { return clock.now - start }
            try await Task.sleep(for: .milliseconds(20))
        }
        return nil
    }
}
