import Foundation
import SwitchboardEngine
import Synchronization

/// Runs the console: one thread owns the terminal and the state (read a key or time out, apply events, draw); the
/// engine's work runs in tasks whose results come back through the ``EventQueue``. The terminal is a
/// ``TerminalBackend``: ncurses (``NCursesScreen``) unless the caller gives another.
package final class ConsoleRuntime: Sendable {
    /// Chooses the styles once the terminal's colour count is known; returns a warning when it fell back.
    package typealias StyleChooser = @Sendable (_ colors: Int) -> (styles: [StyleRole: CellStyle], warning: String?)
    /// Opens the terminal, on the UI thread.
    package typealias TerminalOpener = @Sendable () throws -> any TerminalBackend

    private let engine: ConsoleEngine
    private let chooseStyles: StyleChooser
    private let queue: EventQueue
    private let bell: Bool
    private let warning = Mutex<String?>(nil)
    private let broadcasts: BroadcastSupervisor?
    private let stoppedBroadcast = Mutex<String?>(nil)
    private let marker: ComposingMarker
    private let openTerminal: TerminalOpener

    package init(
        engine: ConsoleEngine, bell: Bool, styles: @escaping StyleChooser,
        terminal: @escaping TerminalOpener = { try NCursesScreen() }
    ) {
        self.engine = engine
        self.openTerminal = terminal
        self.chooseStyles = styles
        self.bell = bell
        let queue = EventQueue()
        self.queue = queue
        broadcasts = engine.broadcasts.map { BroadcastSupervisor(service: $0, queue: queue) }
        marker = ComposingMarker(store: engine.store, operatorName: engine.operatorName, clock: engine.clock)
    }

    /// The queue engine tasks post their events to.
    var events: EventQueue { queue }

    /// Why the configured theme was not used, if it was not (shown after the console closes).
    package var themeWarning: String? { warning.withLock { $0 } }

    /// The broadcast that was still sending when the console quit, and how to carry on with it.
    package var broadcastNote: String? { stoppedBroadcast.withLock { $0 } }

    /// Runs until the operator quits (or SIGINT/SIGTERM). The terminal is restored on every way out.
    package func run() async throws {
        let (effects, effectSink) = AsyncStream<ConsoleEffect>.makeStream()
        let background = Task { await self.serve(effects) }
        let follower = InboxFollower(engine: engine, queue: queue, consoleID: marker.consoleID)
        let watch = Task { await follower.run() }
        let status = Task { await self.watchStatus() }
        let marking = Task { await self.marker.run() }
        let signals = TerminationSignals(TerminationSignals.console) { [queue] in queue.post(.terminate) }
        defer { signals.restore() }
        do {
            try await runUIThread(effectSink)
        } catch {
            _ = broadcasts?.stop()
            background.cancel()
            watch.cancel()
            status.cancel()
            marker.finish()
            await marking.value
            throw error
        }
        // A broadcast still sending stops after its sends in flight; the rest stays queued.
        if let id = broadcasts?.stop() {
            stoppedBroadcast.withLock {
                $0 =
                    "broadcast \(id) stopped when the console quit; what was not sent stays queued: "
                    + "switchboard broadcast --resume \(id) carries on"
            }
        }
        effectSink.finish()
        watch.cancel()
        status.cancel()
        await background.value
        // The other consoles stop showing this one as writing a reply.
        marker.finish()
        await marking.value
    }

    /// The UI loop, on a thread of its own (ncurses is not thread-safe).
    private func runUIThread(_ effects: AsyncStream<ConsoleEffect>.Continuation) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            let thread = Thread { [self] in
                do {
                    try self.uiLoop(effects)
                    continuation.resume()
                } catch {
                    continuation.resume(throwing: error)
                }
            }
            thread.name = "switchboard-ui"
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    private func uiLoop(_ effects: AsyncStream<ConsoleEffect>.Continuation) throws {
        let screen = try openTerminal()
        defer { screen.restore() }
        let (styles, themeWarning) = chooseStyles(screen.colors)
        warning.withLock { $0 = themeWarning }
        screen.apply(styles: styles)
        let size = screen.size
        var state = ConsoleState(window: engine.window, now: engine.clock.now(), width: size.width, height: size.height)
        state.compose.paymentRegistered = engine.paymentRegistered
        state.compose.cannedReplies = engine.cannedReplies
        state.compose.sendDelay = engine.sendDelay
        state.compose.afterSend = engine.afterSend
        state.bell = bell
        state.status.operatorName = engine.operatorName
        state.timeZoneOffset = TimeZone.current.secondsFromGMT(for: state.now)
        if let service = engine.broadcasts {
            state.enableBroadcasts(
                BroadcastSettings(
                    sender: service.defaultSender, rate: service.defaultRate,
                    concurrency: service.defaultConcurrency, sampleFile: engine.broadcastSampleFile))
        }
        func apply(_ event: ConsoleEvent) {
            for effect in ConsoleUpdate.update(&state, event) {
                switch effect {
                case .bell: screen.bell()
                // The update set `quitting` when it asked to quit: the loop ends after this event.
                case .quit: break
                default: effects.yield(effect)
                }
            }
        }
        screen.draw(ConsoleRenderer.render(state))
        // Draw only when something changed: an event, a key, a resize, or a new second (countdowns show seconds).
        // Between frames the thread sleeps in poll() until a key, an engine event, the next second, or 100 ms
        // (ncurses notices a resize on its next read).
        var lastSecond = Int(state.now.timeIntervalSince1970)
        while !state.quitting {
            let untilNextSecond = 1000 - Int(engine.clock.now().timeIntervalSince1970 * 1000) % 1000
            screen.wait(wakingOn: queue.wakeDescriptor, milliseconds: Int32(min(100, max(1, untilNextSecond))))
            var dirty = false
            for event in queue.drain() {
                apply(event)
                dirty = true
            }
            readKeys: while !state.quitting {
                switch screen.read() {
                case .key(let key):
                    apply(.key(key))
                    dirty = true
                case .resize:
                    let size = screen.size
                    screen.invalidate()
                    apply(.resize(width: size.width, height: size.height))
                    dirty = true
                case .nothing:
                    break readKeys
                }
            }
            if state.quitting { break }
            let now = engine.clock.now()
            apply(.tick(now))
            let offset = TimeZone.current.secondsFromGMT(for: now)
            if offset != state.timeZoneOffset { apply(.timeZoneChanged(offset)) }
            let second = Int(now.timeIntervalSince1970)
            if second != lastSecond {
                lastSecond = second
                dirty = true
            }
            if dirty { screen.draw(ConsoleRenderer.render(state)) }
        }
    }

    /// Carries out the effects the UI asks for.
    private func serve(_ effects: AsyncStream<ConsoleEffect>) async {
        await withDiscardingTaskGroup { group in
            for await effect in effects {
                switch effect {
                case .loadJournal(let id):
                    group.addTask { [engine, queue] in
                        if let entries = try? await engine.store.journal(transactionID: id) {
                            queue.post(.journalLoaded(id, entries))
                        }
                    }
                case .sendReply(let id, let message, let paid):
                    group.addTask { [engine, queue] in
                        let clock = ContinuousClock()
                        let started = clock.now
                        let report = await engine.replies.reply(transactionID: id, message: message, paid: paid)
                        ReplyHealth.shared.record(report, took: clock.now - started)
                        queue.post(.replyFinished(id, report))
                    }
                case .markComposing(let id):
                    marker.mark(id)
                case .loadArchivePage(let query):
                    group.addTask { [engine, queue] in
                        do {
                            queue.post(.archivePageLoaded(query, try await engine.store.inboxPage(query)))
                        } catch {
                            queue.post(.archivePageFailed(query, "\(error)"))
                        }
                    }
                case .countArchive(let query):
                    group.addTask { [engine, queue] in
                        if let total = try? await engine.store.inboxCount(query) {
                            queue.post(.archiveCounted(query, total))
                        }
                    }
                case .bell, .quit:
                    break
                default:
                    if let work = broadcastWork(for: effect, supervisor: broadcasts, service: engine.broadcasts) {
                        group.addTask { await work() }
                    }
                }
            }
        }
    }

    /// Posts the status bar's facts every second.
    private func watchStatus() async {
        while !Task.isCancelled {
            let receiver = engine.receiverStatus?()
            let health = ReplyHealth.shared.snapshot
            queue.post(
                .statusChanged(
                    ConsoleStatus(
                        receiverAddress: receiver?.address, lastCallbackAt: receiver?.lastCallbackAt,
                        lastProviderLatency: health.latency, providerErrors: health.errors,
                        operatorName: engine.operatorName)))
            try? await Task.sleep(for: .seconds(1))
        }
    }
}

/// The last reply's round trip and how many ended with no answer, for the status bar.
final class ReplyHealth: Sendable {
    static let shared = ReplyHealth()
    private let state = Mutex<(latency: Duration?, errors: Int)>((nil, 0))

    var snapshot: (latency: Duration?, errors: Int) { state.withLock { $0 } }

    func record(_ report: ReplyReport, took: Duration) {
        state.withLock { state in
            guard case .finished(let resolution, let attempts) = report, !attempts.isEmpty else { return }
            state.latency = took / attempts.count
            if resolution == .unknown { state.errors += 1 }
        }
    }
}
