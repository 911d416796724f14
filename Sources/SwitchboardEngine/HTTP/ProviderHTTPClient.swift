import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import Synchronization

/// One POST to a provider, and what became of it. The engine's two provider clients are built on this, because
/// both must know one thing AsyncHTTPClient's convenience API hides: whether the request had been fully written
/// when the exchange failed. Before that point the provider cannot have acted on it; after it, it may have.
package struct ProviderHTTPClient: Sendable {
    /// The largest response body kept; a provider's answer is a few hundred bytes.
    package static let maximumResponseBytes = 256 * 1024

    private let client: HTTPClient
    private let requestTimeout: Duration
    /// The timeouts `client` was made with (AsyncHTTPClient does not tell), for connections made beside it
    /// (``TaggetSendLine``).
    package let connectTimeout: Duration
    /// How long an answer may take once the request is written: the read timeout, within `requestTimeout`.
    package let responseTimeout: Duration

    /// Wraps `client`; every exchange is abandoned after `requestTimeout` as a whole. `connectTimeout` and
    /// `readTimeout` are those `client` was made with (``makeClient(connectTimeout:readTimeout:)``).
    package init(
        client: HTTPClient, requestTimeout: Duration = .seconds(30), connectTimeout: Duration = .seconds(5),
        readTimeout: Duration = .seconds(20)
    ) {
        self.client = client
        self.requestTimeout = requestTimeout
        self.connectTimeout = connectTimeout
        responseTimeout = min(requestTimeout, readTimeout)
    }

    /// Makes the shared HTTP client the engine uses: no redirects, bounded connect and read timeouts.
    package static func makeClient(connectTimeout: Duration = .seconds(5), readTimeout: Duration = .seconds(20))
        -> HTTPClient
    {
        var configuration = HTTPClient.Configuration(
            timeout: .init(connect: .init(connectTimeout), read: .init(readTimeout)))
        configuration.redirectConfiguration = .disallow
        configuration.decompression = .disabled
        // A connection per sender: AsyncHTTPClient keeps 8 per host by default and queues the rest, which made a
        // broadcast's 64 senders share 8 connections.
        configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: 64)
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    /// POSTs `body` to `url` and reports the response or the failure, never throwing.
    package func post(url: String, contentType: String, body: [UInt8]) async -> HTTPExchangeResult {
        let request: HTTPClient.Request
        do {
            var headers = HTTPHeaders()
            headers.add(name: "Content-Type", value: contentType)
            headers.add(name: "Accept", value: "*/*")
            headers.add(name: "User-Agent", value: "Switchboard")
            request = try HTTPClient.Request(url: url, method: .POST, headers: headers, body: .bytes(body))
        } catch {
            return .failed(HTTPExchangeFailure(reason: "invalid URL \(url): \(error)", requestWasWritten: false))
        }
        let delegate = ExchangeDelegate()
        let task = client.execute(
            request: request, delegate: delegate, deadline: .now() + TimeAmount(requestTimeout))
        do {
            return .response(try await task.futureResult.get())
        } catch {
            return .failed(
                HTTPExchangeFailure(reason: Self.describe(error), requestWasWritten: delegate.requestWasWritten))
        }
    }

    private static func describe(_ error: any Error) -> String {
        if let error = error as? HTTPClientError {
            switch error {
            case .readTimeout: return "timed out waiting for the answer"
            case .deadlineExceeded: return "timed out"
            case .remoteConnectionClosed: return "the provider closed the connection"
            case .connectTimeout: return "timed out connecting"
            default: return "\(error)"
            }
        }
        return "\(error)"
    }
}

/// A provider's answer: its status, headers and body.
package struct HTTPExchangeResponse: Sendable {
    package var status: Int
    package var headers: HTTPHeaders
    package var body: [UInt8]

    package init(status: Int, headers: HTTPHeaders = [:], body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The body as text, with invalid UTF-8 repaired.
    package var bodyText: String { String(decoding: body, as: UTF8.self) }
}

/// Why an exchange produced no response, and whether the provider may have acted on the request anyway.
package struct HTTPExchangeFailure: Error, Sendable, CustomStringConvertible {
    package var reason: String
    /// True once the whole request had been handed to the network: the provider may have acted on it.
    package var requestWasWritten: Bool

    package init(reason: String, requestWasWritten: Bool) {
        self.reason = reason
        self.requestWasWritten = requestWasWritten
    }

    package var description: String { reason }
}

/// What one POST came to.
package enum HTTPExchangeResult: Sendable {
    case response(HTTPExchangeResponse)
    case failed(HTTPExchangeFailure)
}

/// Collects the response and notes the moment the request was fully written.
private final class ExchangeDelegate: HTTPClientResponseDelegate {
    typealias Response = HTTPExchangeResponse

    private struct State {
        var requestWritten = false
        var head: HTTPResponseHead?
        var body: [UInt8] = []
    }

    private let state = Mutex(State())

    var requestWasWritten: Bool { state.withLock { $0.requestWritten } }

    func didSendRequest(task: HTTPClient.Task<Response>) {
        state.withLock { $0.requestWritten = true }
    }

    func didReceiveHead(task: HTTPClient.Task<Response>, _ head: HTTPResponseHead) -> EventLoopFuture<Void> {
        state.withLock {
            // A response can only follow a request the provider has read.
            $0.requestWritten = true
            $0.head = head
        }
        return task.eventLoop.makeSucceededVoidFuture()
    }

    func didReceiveBodyPart(task: HTTPClient.Task<Response>, _ buffer: ByteBuffer) -> EventLoopFuture<Void> {
        state.withLock {
            let room = ProviderHTTPClient.maximumResponseBytes - $0.body.count
            if room > 0 { $0.body.append(contentsOf: buffer.readableBytesView.prefix(room)) }
        }
        return task.eventLoop.makeSucceededVoidFuture()
    }

    func didFinishRequest(task: HTTPClient.Task<Response>) throws -> HTTPExchangeResponse {
        try state.withLock {
            guard let head = $0.head else { throw HTTPClientError.remoteConnectionClosed }
            return HTTPExchangeResponse(status: Int(head.status.code), headers: head.headers, body: $0.body)
        }
    }
}
