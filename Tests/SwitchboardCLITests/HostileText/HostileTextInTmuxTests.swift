import AsyncHTTPClient
import Foundation
import SwitchboardConsole
import SwitchboardText
import Testing

/// Issue 7, hostile text: the corpus in Tests/Fixtures/HostileText sent as callbacks to a running `switchboard demo`
/// in tmux. Every text is selected in turn (k, then j) and shown in the detail pane, and the pane is resized while a
/// long one is shown: the screen keeps its layout, the texts show inert, and nothing reached tmux as a sequence (no
/// title set, no clipboard written).
@Suite(.serialized) struct HostileTextInTmuxTests {
    @Test func hostileCallbacksStayInertOnTheDemoScreen() async throws {
        TerminalLocale.activate()
        let corpus = try HostileCorpus.load()
        let state = try SwitchboardBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: state) }
        let session = try TmuxSession(
            command: "env XDG_STATE_HOME=\(state.path) \(SwitchboardBinary.url.path) demo --per-minute 0.1; "
                + "echo EXIT-STATUS=$?; sleep 60")
        defer { session.kill() }
        // An OSC 52 that reached tmux would become a paste buffer.
        try session.tmux(["set-option", "-s", "set-clipboard", "on"])
        #expect(try await session.waitFor("receiving 127.0.0.1:"), "\(session.capture())")
        let port = try #require(session.capture().firstMatch(of: /receiving 127\.0\.0\.1:(\d+)/).flatMap { Int($0.1) })
        let title = try session.tmux(["display-message", "-p", "#{pane_title}"], capture: true)
        let buffers = try session.tmux(["list-buffers"], capture: true)

        for entry in corpus {
            let answer = await HostileCallbackRequest.send(entry, port: port, client: .shared)
            #expect(answer.status == entry.status, "\(entry.name): \(answer.status) \(answer.body)")
            if let field = entry.refusedField {
                #expect(answer.body.hasPrefix("bad request: \(field)"), "\(entry.name): \(answer.body)")
            }
        }

        let check = ConsoleScreenCheck(width: 100, height: 30, port: port)
        let stored = corpus.filter(\.isStored)
        let last = try #require(stored.last).idText
        let atEnd = try await SwitchboardBinary.waitFor {
            try? session.keys("G")
            return check.selectedID(session.capture()) == last
        }
        #expect(atEnd, "the last text is listed: \(session.capture())")

        var unseen = Dictionary(uniqueKeysWithValues: stored.map { ($0.idText, $0) })
        for _ in 0..<(stored.count + 40) {
            let screen = session.capture()
            try expectIntact(screen, check, session)
            let id = try #require(check.selectedID(screen), "\(screen)")
            if let entry = unseen.removeValue(forKey: id) {
                if let shows = entry.shows { #expect(screen.contains(shows), "\(entry.name): \(shows)\n\(screen)") }
                if entry.name == "long-line-words" { try await resizeWhileShown(id, session: session, port: port) }
            }
            if unseen.isEmpty { break }
            try session.keys("k")
            guard
                try await SwitchboardBinary.waitFor(
                    timeout: .seconds(10), { check.selectedID(session.capture()) != id })
            else { break }
        }
        #expect(unseen.isEmpty, "never shown: \(unseen.values.map(\.name).sorted())")

        for _ in 0..<12 {
            let before = check.selectedID(session.capture())
            try session.keys("j")
            _ = try await SwitchboardBinary.waitFor(timeout: .seconds(5)) {
                check.selectedID(session.capture()) != before
            }
            try expectIntact(session.capture(), check, session)
        }

        #expect(try session.tmux(["display-message", "-p", "#{pane_title}"], capture: true) == title, "title kept")
        #expect(try session.tmux(["list-buffers"], capture: true) == buffers, "no clipboard write reached tmux")
        try session.keys("q")
        #expect(try await session.waitFor("EXIT-STATUS=0"), "\(session.capture())")
    }

    /// The screen's layout holds, and tmux saw no sequence but the console's own colours.
    private func expectIntact(_ screen: String, _ check: ConsoleScreenCheck, _ session: TmuxSession) throws {
        let problems = check.problems(screen)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))\n\(screen)")
        let escapes = ConsoleScreenCheck.escapeProblems(try session.tmux(["capture-pane", "-e", "-p"], capture: true))
        #expect(escapes.isEmpty, "\(escapes.prefix(5))")
    }

    /// Wider, the smallest size the console draws at, then back: the long text is wrapped to each width.
    private func resizeWhileShown(_ id: String, session: TmuxSession, port: Int) async throws {
        for (width, height) in [(120, 40), (80, 24), (100, 30)] {
            try session.tmux(["resize-window", "-x", "\(width)", "-y", "\(height)"])
            let check = ConsoleScreenCheck(width: width, height: height, port: port)
            let redrawn = try await SwitchboardBinary.waitFor {
                let screen = session.capture()
                return check.selectedID(screen) == id && check.problems(screen).isEmpty
                    && screen.split(separator: "\n").count(where: { $0.hasPrefix(" word") }) >= 3
            }
            #expect(redrawn, "\(width)×\(height): \(check.problems(session.capture()))\n\(session.capture())")
        }
    }
}
