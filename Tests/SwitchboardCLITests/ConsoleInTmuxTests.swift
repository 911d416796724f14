import Foundation
import Testing

/// The real console in a real terminal: `switchboard demo` in tmux, driven with send-keys, read with capture-pane.
@Suite(.serialized) struct ConsoleInTmuxTests {
    @Test func triageAndAnswerInTheDemo() async throws {
        let binary = SwitchboardBinary.url.path
        let session = try TmuxSession(
            command: "env XDG_STATE_HOME=/tmp/switchboard-tmux-state \(binary) demo --per-minute 0.1; "
                + "echo EXIT-STATUS=$?; sleep 60")
        defer { session.kill() }
        #expect(try await session.waitFor("receiving 127.0.0.1"), "\(session.capture())")
        #expect(try await session.waitFor("demo-111"), "the seeded inbox is listed")
        let screen = session.capture()
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first?.contains("Switchboard") == true)
        #expect(lines.first?.contains("[pending]") == true)
        // The most urgent open text is selected first (deadline-first).
        let selected = try #require(lines.first { $0.hasPrefix("▶") })
        let id = try #require(selected.firstMatch(of: /demo-\d+/)?.output)
        #expect(!screen.contains("\u{1B}"), "no raw escape reached the terminal")
        #expect(screen.contains("␛[2J␛[31mYOUR ACCOUNT IS LOCKED"), "hostile text is shown inert")

        try session.keys("g")
        try session.keys("Enter")
        #expect(try await session.waitFor("Reply to \(id)"))
        // A bracketed paste (tmux sends the markers because the console asked for them): its newline is text,
        // it does not send.
        try session.tmux(["set-buffer", "Sorry for the wait\n"])
        try session.tmux(["paste-buffer", "-p"])
        #expect(try await session.waitFor("19/100 latin"), "\(session.capture())")
        try session.type("on its way")
        #expect(try await session.waitFor("29/100 latin"))
        try session.keys("Enter")
        #expect(try await session.waitFor("\(id): replied"), "\(session.capture())")
        let left = try await SwitchboardBinary.waitFor {
            !session.capture().split(separator: "\n").contains { $0.contains(String(id)) && $0.contains("pending") }
        }
        #expect(left, "the answered text leaves the pending list")

        try session.keys("f", "f")
        #expect(try await session.waitFor("[replied]"))
        #expect(try await session.waitFor(String(id)))

        try session.tmux(["resize-window", "-x", "70", "-y", "20"])
        #expect(try await session.waitFor("Terminal too small: 70×20."))
        try session.tmux(["resize-window", "-x", "120", "-y", "40"])
        #expect(try await session.waitFor("[replied]"))
        #expect(session.capture().split(separator: "\n").first?.count ?? 0 >= 110, "redrawn at the new width")

        try session.keys("q")
        #expect(try await session.waitFor("EXIT-STATUS=0"), "\(session.capture())")
        #expect(session.capture().contains("demo finished"), "the terminal is back to the shell")
    }

    @Test func broadcastFromTheDemo() async throws {
        let binary = SwitchboardBinary.url.path
        let session = try TmuxSession(
            command: "env XDG_STATE_HOME=/tmp/switchboard-tmux-state \(binary) demo --per-minute 0.1; "
                + "echo EXIT-STATUS=$?; sleep 60")
        defer { session.kill() }
        #expect(try await session.waitFor("receiving 127.0.0.1"), "\(session.capture())")
        try session.keys("b")
        #expect(try await session.waitFor("compose › dry run › sending › results"), "\(session.capture())")
        try session.type("+44 7700 900123, +1 (839) 753-6474")
        #expect(try await session.waitFor("2 recipients"), "\(session.capture())")
        try session.keys("Tab")
        try session.type("Your table is ready")
        #expect(try await session.waitFor("× 2 recipients = 2 segments"), "\(session.capture())")
        try session.keys("Enter")
        #expect(try await session.waitFor("Enter send to 2 recipients"), "\(session.capture())")
        #expect(session.capture().contains("Preview for +447700900123 (line 1)"))
        try session.keys("Enter")
        #expect(try await session.waitFor("all 2 sent"), "\(session.capture())")
        #expect(session.capture().contains("Every recipient was sent."))
        try session.keys("Escape")
        #expect(try await session.waitFor("LEFT    TAGG"), "back in the inbox")
        try session.keys("q")
        #expect(try await session.waitFor("EXIT-STATUS=0"), "\(session.capture())")
    }
}
