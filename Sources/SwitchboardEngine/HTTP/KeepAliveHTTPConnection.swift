import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// One HTTP/1.1 keep-alive connection to one `http://` or `https://` endpoint, for one caller at a time (a
/// broadcast sender): a lighter way to make the same POST many times than a pooled client. It connects on first use
/// and again after the provider closes it; a request that failed on a reused connection before any of it was
/// written (the provider had closed it while idle) is made once more on a fresh one, never one that was written. A
/// provider that closes an idle connection just as a request is written to it makes that request `unknown` (it may
/// have read it); to keep that rare, a connection idle longer than `idleLimit` (shorter than common servers'
/// keep-alive timeouts) is replaced before it is used. Like ``ProviderHTTPClient`` it reports whether the request
/// was fully written when the exchange failed.
///
/// Over TLS (``KeepAliveTLS``: certificates always verified) a connection is only used once its handshake has
/// succeeded; a failed handshake (a certificate not trusted, or not for this host) fails the exchange as not
/// written, with the certificate problem as its reason, and is never retried.
///
/// Not `Sendable`: it belongs to the task that made it. Its I/O runs on `eventLoop`; a task that prefers that
/// loop as its executor (``EventLoopTaskExecutor``) makes its exchanges without changing threads.
package final class KeepAliveHTTPConnection {
    private struct Open {
        var channel: any Channel
        var handler: NIOLoopBound<KeepAliveExchangeHandler>
        var exchanges = 0
        var lastUsed = NIODeadline.now()
    }

    private let target: HTTPTarget
    private let eventLoop: any EventLoop
    private let connectTimeout: TimeAmount
    private let responseTimeout: TimeAmount
    private let maximumResponseBytes: Int
    private let idleLimit: TimeAmount
    private let headers: HTTPHeaders
    private let tls: KeepAliveTLS?
    private var open: Open?

    /// `responseTimeout` bounds each exchange from the request's write to the response's end; `connectTimeout` bounds
    /// the connect, and the TLS handshake again. `additionalTrustRoots` is for the tests' own certificate authority
    /// (trusted on top of the system's roots, never instead of verification).
    package init(
        target: HTTPTarget, eventLoop: any EventLoop, connectTimeout: Duration = .seconds(5),
        responseTimeout: Duration = .seconds(20), maximumResponseBytes: Int = ProviderHTTPClient.maximumResponseBytes,
        idleLimit: Duration = .seconds(4), additionalTrustRoots: [NIOSSLCertificate] = []
    ) {
        self.idleLimit = TimeAmount(idleLimit)
        tls = target.isTLS ? KeepAliveTLS(additionalTrustRoots: additionalTrustRoots) : nil
        self.target = target
        self.eventLoop = eventLoop
        self.connectTimeout = TimeAmount(connectTimeout)
        self.responseTimeout = TimeAmount(responseTimeout)
        self.maximumResponseBytes = maximumResponseBytes
        var headers = HTTPHeaders()
        headers.add(name: "Host", value: target.hostHeader)
        headers.add(name: "User-Agent", value: "Switchboard")
        headers.add(name: "Accept", value: "*/*")
        self.headers = headers
    }

    /// How many times it connected (for the tests: reuse is one connection for many exchanges).
    package private(set) var connections = 0

    /// Whether it has a connection that still looks open (for the tests: false once a close by the server is seen).
    package var looksOpen: Bool { open?.channel.isActive ?? false }

    /// POSTs `body` and reports the response or the failure, never throwing.
    package func post(contentType: String, body: [UInt8]) async -> HTTPExchangeResult {
        let reused = open.map { $0.channel.isActive && $0.exchanges > 0 && !isIdleTooLong($0) } ?? false
        let result = await exchange(contentType: contentType, body: body)
        if reused, case .failed(let failure) = result, !failure.requestWasWritten {
            // The provider closed the idle connection before this request reached it: nothing was sent, so one more
            // try on a fresh connection is safe.
            await close()
            return await exchange(contentType: contentType, body: body)
        }
        return result
    }

    /// Closes the connection (the next ``post(contentType:body:)`` opens another).
    package func close() async {
        guard let open else { return }
        self.open = nil
        try? await open.channel.close()
    }

    private func exchange(contentType: String, body: [UInt8]) async -> HTTPExchangeResult {
        let connection: Open
        do {
            connection = try await connected()
        } catch {
            return .failed(HTTPExchangeFailure(reason: Self.describe(connectError: error), requestWasWritten: false))
        }
        open?.exchanges += 1
        var head = HTTPRequestHead(version: .http1_1, method: .POST, uri: target.path, headers: headers)
        head.headers.add(name: "Content-Type", value: contentType)
        head.headers.add(name: "Content-Length", value: String(body.count))
        let buffer = connection.channel.allocator.buffer(bytes: body)
        let promise = eventLoop.makePromise(of: HTTPExchangeResult.self)
        let handler = connection.handler
        let timeout = responseTimeout
        let request = head
        if eventLoop.inEventLoop {
            handler.value.start(head: head, body: buffer, timeout: timeout, promise: promise)
        } else {
            eventLoop.execute { handler.value.start(head: request, body: buffer, timeout: timeout, promise: promise) }
        }
        // The handler always succeeds the promise.
        let result =
            (try? await promise.futureResult.get())
            ?? .failed(HTTPExchangeFailure(reason: "the exchange was dropped", requestWasWritten: true))
        open?.lastUsed = .now()
        return result
    }

    private func isIdleTooLong(_ open: Open) -> Bool {
        NIODeadline.now() - open.lastUsed > idleLimit
    }

    /// The open connection, or a new one (over TLS: once its handshake succeeded).
    private func connected() async throws -> Open {
        if let open, open.channel.isActive, !isIdleTooLong(open) { return open }
        await close()
        let maximumResponseBytes = self.maximumResponseBytes
        let (tls, host, handshakeTimeout) = (self.tls, target.host, connectTimeout)
        let (made, handshake) = try await ClientBootstrap(group: eventLoop)
            .connectTimeout(connectTimeout)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .connect(host: target.host, port: target.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    let pipeline = channel.pipeline.syncOperations
                    let handshake = try tls?.addHandlers(
                        to: pipeline, host: host, timeout: handshakeTimeout, eventLoop: channel.eventLoop)
                    try pipeline.addHTTPClientHandlers()
                    let handler = KeepAliveExchangeHandler(maximumResponseBytes: maximumResponseBytes)
                    try pipeline.addHandler(handler)
                    let open = Open(channel: channel, handler: NIOLoopBound(handler, eventLoop: channel.eventLoop))
                    return (open, handshake)
                }
            }
        do {
            try await handshake?.get()
        } catch {
            try? await made.channel.close()
            throw error
        }
        open = made
        connections += 1
        return made
    }

    private static func describe(connectError error: any Error) -> String {
        if case ChannelError.connectTimeout = error { return "timed out connecting" }
        if let failure = error as? KeepAliveTLS.Failure { return failure.description }
        return "could not connect (\(error))"
    }
}
