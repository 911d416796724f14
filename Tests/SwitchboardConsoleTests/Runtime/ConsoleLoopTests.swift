import Foundation
import SwitchboardTestSupport
import Synchronization
import Testing

@testable import SwitchboardConsole
@testable import SwitchboardEngine

/// The console's UI loop run against a terminal of the test's own (no ncurses, no tmux): it draws what the store
/// holds, follows a new text, takes keys, and gives the terminal back when the operator quits.
@Suite struct ConsoleLoopTests {
    @Test func theLoopDrawsTheStoreFollowsANewTextAndQuitsOnQ() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "switchboard-loop-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var configuration = SwitchboardConfiguration()
        configuration.store.location = .sqlite(path: directory.appendingPathComponent("store.sqlite").path)
        configuration.console.operatorName = "ana"
        let context = try await EngineContext(configuration: configuration)
        _ = try await context.store.insertCallbacks([Self.callback("t-first", "Where is my order?")])
        let engine = ConsoleEngine(
            store: context.store, replies: context.replies, window: context.window, clock: context.clock,
            paymentRegistered: false, operatorName: "ana", receiverStatus: nil)
        let terminal = ScriptedTerminal(width: 100, height: 30)
        let runtime = ConsoleRuntime(
            engine: engine, bell: false, styles: { _ in ([:], nil) }, terminal: { terminal })
        let running = Task { try await runtime.run() }

        #expect(await terminal.waitForFrame { $0.contains("Where is my order?") }, "the stored text is drawn")
        _ = try await context.store.insertCallbacks([Self.callback("t-second", "Open on Sunday?")])
        #expect(await terminal.waitForFrame { $0.contains("Open on Sunday?") }, "a new text reaches the screen")
        terminal.press(.character("?"))
        #expect(
            await terminal.waitForFrame { $0.contains("Keys — Esc, ? or q closes") }, "a key is taken: the help shows")
        terminal.press(.escape)
        terminal.press(.character("q"))
        try await running.value
        #expect(terminal.restored, "the terminal is given back")
        await context.shutdown()
    }

    static func callback(_ id: String, _ message: String) -> InboundCallback {
        InboundCallback(
            transactionID: id, tagg: "HELP", message: message, encoding: .utf8, taggKnown: true, receivedAt: Date(),
            raw: RawCallbackRequest(
                method: "POST", target: "/tagga", contentType: "application/x-www-form-urlencoded",
                remoteAddress: "127.0.0.1", body: Array("transaction_id=\(id)".utf8)))
    }
}

/// A terminal that records every frame as text and reads keys the test presses.
final class ScriptedTerminal: TerminalBackend, Sendable {
    private struct State {
        var frames: [String] = []
        var keys: [Key] = []
        var restored = false
    }

    private let state = Mutex(State())
    let size: (width: Int, height: Int)
    let colors = 0

    init(width: Int, height: Int) { size = (width, height) }

    var restored: Bool { state.withLock { $0.restored } }

    func press(_ key: Key) { state.withLock { $0.keys.append(key) } }

    /// Polls the frames drawn until one satisfies `condition`, for at most 10 s.
    func waitForFrame(_ condition: (String) -> Bool) async -> Bool {
        await eventually { state.withLock { $0.frames.contains(where: condition) } }
    }

    func apply(styles: [StyleRole: CellStyle]) {}

    func wait(wakingOn wake: Int32, milliseconds: Int32) {
        var descriptor = pollfd(fd: wake, events: Int16(POLLIN), revents: 0)
        _ = poll(&descriptor, 1, min(milliseconds, 10))
    }

    func read() -> TerminalInput {
        state.withLock { state in state.keys.isEmpty ? .nothing : .key(state.keys.removeFirst()) }
    }

    func draw(_ frame: ScreenBuffer) {
        let text = frame.lines.joined(separator: "\n")
        state.withLock { $0.frames.append(text) }
    }

    func invalidate() {}
    func bell() {}
    func restore() { state.withLock { $0.restored = true } }
}
