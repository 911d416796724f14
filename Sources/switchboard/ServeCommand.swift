import ArgumentParser
import Foundation
import Logging
import SwitchboardEngine
import SwitchboardOutput
import Synchronization

/// `switchboard serve`: the callback receiver alone, headless.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Receive Tagga callbacks into the store, headless (consoles attach to the same store).",
        discussion: """
            Listens on receiver.listen for POST /tagga (or /tagga/<secret>), stores every valid callback durably
            before answering 200, and serves GET /healthz and GET /metrics. SIGINT or SIGTERM stops it gracefully:
            it stops accepting, finishes the commits in flight, then exits.

            Example:
              switchboard serve --config ~/.config/switchboard/config.toml --listen 127.0.0.1:8080
            """
    )

    @OptionGroup var config: ConfigOption

    @Option(help: "Listen on HOST:PORT instead of receiver.listen (port 0 picks a free one).")
    var listen: String?

    @Flag(help: "Commit every callback on its own (for comparison; slower).")
    var noGroupCommit = false

    @Flag(help: .hidden)
    var discard = false

    func run() async throws {
        let configuration = try config.load()
        var settings = CallbackReceiver.Settings(configuration: configuration)
        var address = configuration.receiver.listen
        if let listen {
            do {
                address = try ListenAddress(parsing: listen)
            } catch {
                Terminal.error("--listen \(listen): \(error)")
                throw ExitStatus.badUsage
            }
        }
        settings.host = address.host
        settings.port = address.port
        settings.maximumBatch = noGroupCommit ? 1 : 512
        // --discard: acknowledge without storing, only as a benchmark baseline.
        let stored: (any Store)? = discard ? nil : try await openStore(configuration)
        let store: any CallbackStore & StoreConnection = stored ?? DiscardingStore()
        var logger = Logger(label: "switchboard.serve")
        logger.logLevel = .warning
        let receiver = CallbackReceiver(settings: settings, store: store, searchIndex: stored, logger: logger)
        let port: Int
        do {
            port = try await receiver.start()
        } catch {
            Terminal.error("cannot listen on \(address): \(error). Choose another receiver.listen or --listen.")
            try? await store.close()
            throw ExitStatus.operationFailed
        }
        let path = configuration.receiver.secret.isEmpty ? "/tagga" : "/tagga/<secret>"
        let host = address.host.contains(":") ? "[\(address.host)]" : address.host
        let destination = discard ? "nowhere (--discard: NOT STORED)" : "\(configuration.store.location)"
        Terminal.output("receiving callbacks on http://\(host):\(port)\(path) into \(destination)")
        Terminal.output("health: http://\(host):\(port)/healthz  metrics: http://\(host):\(port)/metrics")
        let retention = stored.flatMap {
            ServeRetention.start(configuration, store: $0, environment: ProcessInfo.processInfo.environment)
        }
        // Stop on a signal. If the server itself stops, the watcher signals us, and serve exits 1: it no longer
        // listens, and a silent process would hide that.
        let serverDied = ServerDeathFlag()
        let watcher = Task.detached {
            do { try await receiver.waitUntilStopped() } catch {}
            if serverDied.markUnlessStopping() { kill(getpid(), SIGTERM) }
        }
        await TerminationSignals.waitForTermination()
        retention?.cancel()
        await retention?.value
        if serverDied.stopAndCheck() {
            Terminal.error("the receiver stopped unexpectedly; callbacks are not being received")
            try? await store.close()
            throw ExitStatus.operationFailed
        }
        Terminal.note("stopping: finishing the commits in flight")
        await receiver.stop()
        await watcher.value
        try? await store.close()
        Terminal.note("stopped")
    }
}

/// Whether the receiver died on its own, as opposed to being stopped.
private final class ServerDeathFlag: Sendable {
    private let state = Mutex((stopping: false, died: false))

    /// Called when the server ended: true if nobody was stopping it.
    func markUnlessStopping() -> Bool {
        state.withLock { state in
            guard !state.stopping else { return false }
            state.died = true
            return true
        }
    }

    /// Called once a signal came: from now on the server's end is expected. Returns whether it had died.
    func stopAndCheck() -> Bool {
        state.withLock { state in
            state.stopping = true
            return state.died
        }
    }
}

/// Opens the configured store, or exits 1 with the reason.
func openStore(_ configuration: SwitchboardConfiguration) async throws -> any Store {
    do {
        return try await StoreOpener.open(configuration.store.location)
    } catch {
        Terminal.error("\(error)")
        throw ExitStatus.operationFailed
    }
}
