import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1

@testable import SwitchboardEngine

/// What the receiver answered to one request.
struct ReceiverReply: Sendable {
    var status: Int
    var body: String
    var headers: HTTPHeaders
}

/// A running `CallbackReceiver` on a loopback port in front of a fresh SQLite file, with a manual clock and an
/// HTTP client. ``run(_:_:)`` tears everything down (receiver, client, store, directory) even when a test fails.
final class ReceiverHarness: Sendable {
    let directory: URL
    let store: SQLiteStore
    let clock: ManualWallClock
    let receiver: CallbackReceiver
    let client: HTTPClient
    let port: Int

    private init(
        directory: URL, store: SQLiteStore, clock: ManualWallClock, receiver: CallbackReceiver, client: HTTPClient,
        port: Int
    ) {
        self.directory = directory
        self.store = store
        self.clock = clock
        self.receiver = receiver
        self.client = client
        self.port = port
    }

    /// Starts a receiver with `settings` on 127.0.0.1, port 0; runs `body`; stops it.
    static func run<T>(
        _ settings: CallbackReceiver.Settings = CallbackReceiver.Settings(),
        _ body: (ReceiverHarness) async throws -> T
    ) async throws -> T {
        var settings = settings
        settings.host = "127.0.0.1"
        settings.port = 0
        let harness = try await start(settings: settings)
        do {
            let result = try await body(harness)
            try await harness.shutdown()
            return result
        } catch {
            try? await harness.shutdown()
            throw error
        }
    }

    private static func start(settings: CallbackReceiver.Settings) async throws -> ReceiverHarness {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "switchboard-receiver-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let store: SQLiteStore
        do {
            store = try SQLiteStore(path: directory.appendingPathComponent("store.sqlite").path)
        } catch {
            try? FileManager.default.removeItem(at: directory)
            throw error
        }
        let clock = ManualWallClock()
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let receiver = CallbackReceiver(
            settings: settings, store: store, searchIndex: store, clock: clock, logger: logger)
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool = .init(idleTimeout: .seconds(10), concurrentHTTP1ConnectionsPerHostSoftLimit: 64)
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        do {
            let port = try await receiver.start()
            return ReceiverHarness(
                directory: directory, store: store, clock: clock, receiver: receiver, client: client, port: port)
        } catch {
            await receiver.stop()
            try? await client.shutdown()
            try? await store.close()
            try? FileManager.default.removeItem(at: directory)
            throw error
        }
    }

    private func shutdown() async throws {
        await receiver.stop()
        try await client.shutdown()
        try? await store.close()
        try FileManager.default.removeItem(at: directory)
    }

    /// Sends one request to `target` (path and query) and collects the whole answer.
    func send(
        _ method: HTTPMethod, _ target: String = "/tagga", contentType: String? = nil,
        body: HTTPClientRequest.Body? = nil
    ) async throws -> ReceiverReply {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(target)")
        request.method = method
        if let contentType { request.headers.add(name: "Content-Type", value: contentType) }
        request.body = body
        // Generous: what these tests check is each answer and the commits' counts, not speed (benchmarks do that);
        // at the start of a full run every suite's durable commits share one disk, and 40 one-by-one commits of
        // `maximumBatch = 1` took longer than 5 s on CI.
        let response = try await client.execute(request, timeout: .seconds(30))
        let buffer = try await response.body.collect(upTo: 1 << 20)
        return ReceiverReply(status: Int(response.status.code), body: String(buffer: buffer), headers: response.headers)
    }

    /// Sends `bytes` as the body with a known length.
    func send(
        _ method: HTTPMethod, _ target: String = "/tagga", contentType: String?, bytes: [UInt8]
    ) async throws -> ReceiverReply {
        try await send(method, target, contentType: contentType, body: .bytes(ByteBuffer(bytes: bytes)))
    }

    /// POSTs the fields form-urlencoded, as Tagga does.
    func postForm(_ fields: [(name: String, value: String)], to target: String = "/tagga") async throws
        -> ReceiverReply
    {
        try await postForm(body: FormURLEncoding.encode(fields), to: target)
    }

    /// POSTs a form body written by hand (to send exactly these bytes).
    func postForm(body: String, to target: String = "/tagga") async throws -> ReceiverReply {
        try await send(.POST, target, contentType: "application/x-www-form-urlencoded", bytes: Array(body.utf8))
    }

    /// The receiver's `/metrics` text.
    func metricsText() async throws -> String {
        try await send(.GET, "/metrics").body
    }
}

/// The value on the exposition line named exactly `series` (name plus labels, as printed), if there is one.
func metricValue(_ series: String, in exposition: String) -> Double? {
    for line in exposition.split(separator: "\n") where line.hasPrefix(series + " ") {
        return Double(line.dropFirst(series.count + 1).trimmingCharacters(in: .whitespaces))
    }
    return nil
}

/// A callback body: the three fields, form-urlencoded.
func callbackFields(_ id: String, tagg: String = "HELP", message: String = "Where is my order?")
    -> [(name: String, value: String)]
{
    [("transaction_id", id), ("tagg", tagg), ("message", message)]
}
