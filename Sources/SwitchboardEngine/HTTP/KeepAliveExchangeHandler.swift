import NIOCore
import NIOHTTP1

/// The last handler of a ``KeepAliveHTTPConnection``'s pipeline: runs one exchange at a time (no pipelining),
/// notes the moment the request was fully written, gathers the response up to a size cap, and ends the exchange
/// on the response's end, a timeout, an error, or the connection closing. It closes the connection whenever the
/// connection cannot safely carry another request. Everything here runs on the channel's event loop.
final class KeepAliveExchangeHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPClientResponsePart
    typealias OutboundOut = HTTPClientRequestPart

    private struct Exchange {
        var promise: EventLoopPromise<HTTPExchangeResult>
        var requestWritten = false
        var head: HTTPResponseHead?
        var body: [UInt8] = []
        var timeout: Scheduled<Void>?
    }

    private let maximumResponseBytes: Int
    private var context: ChannelHandlerContext?
    private var exchange: Exchange?
    private var closed = false

    init(maximumResponseBytes: Int) {
        self.maximumResponseBytes = maximumResponseBytes
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.context = nil
    }

    /// Writes one request and completes `promise` with what came of it, never failing it. `timeout` bounds the
    /// whole exchange, from now to the response's end.
    func start(
        head: HTTPRequestHead, body: ByteBuffer, timeout: TimeAmount, promise: EventLoopPromise<HTTPExchangeResult>
    ) {
        guard let context, !closed, context.channel.isActive else {
            promise.succeed(.failed(HTTPExchangeFailure(reason: "the connection is closed", requestWasWritten: false)))
            return
        }
        guard exchange == nil else {
            promise.succeed(
                .failed(HTTPExchangeFailure(reason: "the connection is busy (a bug)", requestWasWritten: false)))
            return
        }
        let loop = context.eventLoop.assumeIsolated()
        exchange = Exchange(promise: promise)
        exchange?.timeout = loop.scheduleTask(in: timeout) {
            self.end(failure: "timed out waiting for the answer")
        }
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil)
        // `written` succeeds once the request's last bytes went to the socket, and fails if they never will. Over
        // TLS the same holds: the connection is only used after its handshake, the TLS handler encrypts the buffered
        // parts on this flush and passes the request's promises on to the write of the encrypted bytes to the socket
        // (swift-nio-ssl's `NIOSSLHandler`), so a failure before that point (the channel closed, encryption failed,
        // the output shut) fails `written`: not written. Anything after (the provider's alert, its close, no answer)
        // comes once it succeeded: written.
        let written = context.eventLoop.makePromise(of: Void.self)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: written)
        written.futureResult.assumeIsolated().whenComplete { result in
            switch result {
            case .success: self.exchange?.requestWritten = true
            case .failure(let error): self.end(failure: "could not write the request (\(error))")
            }
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard exchange != nil else {
            // Nothing was asked: whatever this is, the connection is no longer in step.
            close(context)
            return
        }
        switch unwrapInboundIn(data) {
        case .head(let head):
            // A response can only follow a request the provider has read.
            exchange?.requestWritten = true
            exchange?.head = head
        case .body(let buffer):
            let room = maximumResponseBytes - (exchange?.body.count ?? 0)
            guard buffer.readableBytes <= room else {
                // Over the cap: keep what fits, and end here (the rest is never read, so the connection goes).
                exchange?.body.append(contentsOf: buffer.readableBytesView.prefix(room))
                finish(keepAlive: false)
                return
            }
            exchange?.body.append(contentsOf: buffer.readableBytesView)
        case .end:
            finish(keepAlive: exchange?.head?.isKeepAlive ?? false)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        closed = true
        end(failure: "the provider closed the connection")
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        end(failure: "\(error)")
    }

    /// Hands over the response, and closes the connection unless both sides keep it alive.
    private func finish(keepAlive: Bool) {
        guard let exchange, let head = exchange.head else {
            end(failure: "the provider ended the answer without a status line")
            return
        }
        self.exchange = nil
        exchange.timeout?.cancel()
        if !keepAlive, let context { close(context) }
        exchange.promise.succeed(
            .response(HTTPExchangeResponse(status: Int(head.status.code), headers: head.headers, body: exchange.body)))
    }

    /// Ends the exchange in progress (if any) with a failure, and closes the connection: after a failure it is in
    /// an unknown state.
    private func end(failure reason: String) {
        let pending = exchange
        exchange = nil
        if let context { close(context) }
        guard let exchange = pending else { return }
        exchange.timeout?.cancel()
        exchange.promise.succeed(
            .failed(HTTPExchangeFailure(reason: reason, requestWasWritten: exchange.requestWritten)))
    }

    private func close(_ context: ChannelHandlerContext) {
        guard !closed else { return }
        closed = true
        context.close(promise: nil)
    }
}
