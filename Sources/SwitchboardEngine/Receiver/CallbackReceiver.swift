import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import Synchronization

/// The HTTP callback server of docs/provider-contract.md §1: `POST /tagga` (or `/tagga/<secret>`), `GET /healthz`,
/// `GET /metrics`. It answers `200 OK` only after the callback's group commit, and `503` when the store could not
/// commit it (or did not answer in time: see ``PostgresStore/Timeouts``), so that Tagga sends it again. `/healthz`
/// answers `200 OK` while the store answers and the last commit went through, `503` with the reason otherwise.
package final class CallbackReceiver: Sendable {
    /// A callback body larger than this gets 413 and is not stored.
    package static let maximumBodyBytes = 64 * 1024

    /// How the receiver is set up.
    package struct Settings: Sendable {
        package var host = "127.0.0.1"
        package var port = 8080
        package var secret = Secret.empty
        package var allowedNetworks: [CIDRBlock] = []
        package var taggs: [String] = []
        package var window = ReplyWindow()
        /// Connections idle this long are closed (slow or stuck clients).
        package var idleTimeout: Duration = .seconds(30)
        /// 1 turns group commit off: one commit per callback.
        package var maximumBatch = 512

        package init() {}
    }

    private let settings: Settings
    private let store: any CallbackStore & StoreConnection
    private let searchIndex: (any SearchIndexStore)?
    private let clock: any WallClock
    private let writer: GroupCommitWriter
    package let metrics: ReceiverMetrics
    private let logger: Logger
    private let parser: CallbackParser
    private let running = Mutex<(group: ServiceGroup, task: Task<Void, any Error>)?>(nil)
    private let boundPort = Mutex<Int?>(nil)
    private let lastCallback = Mutex<Date?>(nil)

    /// Receives into `store`; keeps `searchIndex` up to date beside it when given (the same store, opened whole; nil
    /// for a store that keeps nothing).
    package init(
        settings: Settings, store: any CallbackStore & StoreConnection, searchIndex: (any SearchIndexStore)?,
        clock: any WallClock = SystemWallClock(), logger: Logger
    ) {
        self.settings = settings
        self.store = store
        self.searchIndex = searchIndex
        self.clock = clock
        self.logger = logger
        let metrics = ReceiverMetrics()
        self.metrics = metrics
        self.parser = CallbackParser(taggs: settings.taggs)
        self.writer = GroupCommitWriter(store: store, maximumBatch: settings.maximumBatch) { size, duration in
            metrics.recordCommit(size: size, duration: duration)
        }
    }

    /// The port actually bound, once running.
    package var port: Int? { boundPort.withLock { $0 } }

    /// When the last callback was accepted.
    package var lastCallbackAt: Date? { lastCallback.withLock { $0 } }

    /// Starts listening; returns the bound port once the server accepts connections.
    @discardableResult
    package func start() async throws -> Int {
        let (ready, readyContinuation) = AsyncStream<Int>.makeStream()
        let application = makeApplication { port in readyContinuation.yield(port) }
        let group = ServiceGroup(
            configuration: .init(
                services: [application]
                    + (searchIndex.map { [SearchIndexer(store: $0, clock: clock, logger: logger)] } ?? []),
                gracefulShutdownSignals: [], logger: logger))
        let task = Task {
            defer { readyContinuation.finish() }
            try await group.run()
        }
        running.withLock { $0 = (group, task) }
        for await port in ready {
            boundPort.withLock { $0 = port }
            return port
        }
        // The server stopped before it was ready: surface its error.
        try await task.value
        throw StoreError.unavailable("the receiver stopped before it started listening")
    }

    /// Stops accepting connections, lets in-flight callbacks finish their commits, and returns when done.
    package func stop() async {
        guard
            let (group, task) = running.withLock({ state in
                defer { state = nil }
                return state
            })
        else { return }
        await group.triggerGracefulShutdown()
        _ = try? await task.value
    }

    /// Runs until the task is cancelled or `stop()` is called.
    package func waitUntilStopped() async throws {
        guard let task = running.withLock({ $0?.task }) else { return }
        try await task.value
    }

    private func makeApplication(onRunning: @escaping @Sendable (Int) -> Void) -> some ApplicationProtocol {
        let responder = CallbackResponder<ReceiverRequestContext> { [self] request, context in
            await self.respond(to: request, context: context)
        }
        let idle = TimeAmount(settings.idleTimeout)
        return Application(
            responder: responder,
            server: .http1(configuration: .init(idleTimeout: idle)),
            configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "Switchboard"),
            onServerRunning: { channel in onRunning(channel.localAddress?.port ?? 0) },
            logger: logger)
    }

    /// Answers one request. Never throws: every outcome is a response.
    package func respond(to request: Request, context: ReceiverRequestContext) async -> Response {
        var request = request
        let path = request.uri.path
        switch path {
        case "/healthz":
            do {
                try await store.checkAvailable()
            } catch {
                return Self.text(.serviceUnavailable, "\(error)")
            }
            // A store that reads but cannot commit (a full disk) is not healthy either.
            if let failure = writer.failure {
                return Self.text(
                    .serviceUnavailable,
                    "the last commit failed, callbacks are answered 503 until one commits: \(failure)")
            }
            return Self.text(.ok, "OK")
        case "/metrics":
            if let rejection = networkGate(context.remoteAddress) { return refuse(rejection) }
            let statistics = try? await store.statistics(now: clock.now(), window: settings.window)
            var response = Self.text(.ok, metrics.exposition(statistics: statistics))
            response.headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
            return response
        default:
            break
        }
        if let rejection = gate(path: path, remote: context.remoteAddress, method: request.method) {
            return refuse(rejection)
        }
        if let length = request.headers[.contentLength].flatMap(Int.init), length > Self.maximumBodyBytes {
            return refuse(.payloadTooLarge)
        }
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: Self.maximumBodyBytes)
        } catch {
            return refuse(.payloadTooLarge)
        }
        let raw = RawCallbackRequest(
            method: request.method.rawValue, target: redactedTarget(request.uri.description),
            contentType: request.headers[.contentType], remoteAddress: context.remoteAddress?.ipAddress,
            body: Array(body.readableBytesView))
        let callback: InboundCallback
        switch parser.parse(raw, receivedAt: clock.now()) {
        case .failure(let rejection): return refuse(rejection)
        case .success(let parsed): callback = parsed
        }
        do {
            let result = try await writer.submit(callback)
            metrics.recordAccepted(result)
            lastCallback.withLock { $0 = callback.receivedAt }
            return Self.text(.ok, "OK")
        } catch {
            metrics.recordRefused(reason: "store")
            logger.error("callback not stored", metadata: ["error": "\(error)"])
            return Self.text(.serviceUnavailable, "not stored, try again: the store is unavailable")
        }
    }

    /// Path secret (404), source network (403) and method (405), in that order.
    private func gate(path: String, remote: SocketAddress?, method: HTTPRequest.Method) -> CallbackRejection? {
        let expected = settings.secret.isEmpty ? "/tagga" : "/tagga/" + settings.secret.reveal()
        guard path == expected || (settings.secret.isEmpty && path == "/tagga/") else { return .notFound }
        if let rejection = networkGate(remote) { return rejection }
        guard method == .post || method == .get else { return .methodNotAllowed }
        return nil
    }

    /// `allowed_networks` (403), for callbacks and metrics alike.
    private func networkGate(_ remote: SocketAddress?) -> CallbackRejection? {
        guard !settings.allowedNetworks.isEmpty else { return nil }
        let address = remote?.ipAddress ?? ""
        return settings.allowedNetworks.contains { $0.contains(address: address) } ? nil : .forbidden
    }

    /// The request target as stored: the path secret never reaches the database.
    private func redactedTarget(_ target: String) -> String {
        guard !settings.secret.isEmpty else { return target }
        return target.replacingOccurrences(of: "/tagga/" + settings.secret.reveal(), with: "/tagga/<secret>")
    }

    private func refuse(_ rejection: CallbackRejection) -> Response {
        metrics.recordRefused(reason: rejection.metricReason)
        var response = Self.text(HTTPResponse.Status(code: rejection.status), rejection.message)
        if rejection == .methodNotAllowed { response.headers[.allow] = "GET, POST" }
        return response
    }

    private static func text(_ status: HTTPResponse.Status, _ text: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text + "\n")))
    }
}
