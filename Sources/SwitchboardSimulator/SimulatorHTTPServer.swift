import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// A small HTTP/1.1 server on SwiftNIO, used by the simulator instead of a framework because its faults need
/// control no framework gives: answering late, never answering, or closing the connection after the body.
package final class SimulatorHTTPServer: Sendable {
    /// Bodies larger than this are refused with 413.
    package static let maximumBodyBytes = 1 << 20

    private let handle: @Sendable (RecordedRequest) -> SimulatorAction
    private let state = Mutex<ServerState>(ServerState())

    private struct ServerState {
        var listener: (any Channel)?
        var connections: [ObjectIdentifier: any Channel] = [:]
    }

    package init(handle: @escaping @Sendable (RecordedRequest) -> SimulatorAction) {
        self.handle = handle
    }

    /// Binds and starts serving; returns the port actually bound (pass 0 for any free port).
    package func start(host: String, port: Int) async throws -> Int {
        let handle = self.handle
        let bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { [weak self] channel in
                self?.track(channel)
                return channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    try channel.pipeline.syncOperations.addHandler(SimulatorHTTPHandler(handle: handle))
                }
            }
        let channel = try await bootstrap.bind(host: host, port: port).get()
        state.withLock { $0.listener = channel }
        return channel.localAddress?.port ?? port
    }

    /// Stops listening and closes every open connection, including those left hanging on purpose.
    package func stop() async {
        let (listener, connections) = state.withLock { state in
            defer {
                state.listener = nil
                state.connections = [:]
            }
            return (state.listener, Array(state.connections.values))
        }
        for connection in connections { try? await connection.close() }
        try? await listener?.close()
    }

    private func track(_ channel: any Channel) {
        let key = ObjectIdentifier(channel)
        state.withLock { $0.connections[key] = channel }
        channel.closeFuture.whenComplete { [weak self] _ in
            _ = self?.state.withLock { $0.connections.removeValue(forKey: key) }
        }
    }
}

/// Reads one request at a time and carries out the simulator's action for it.
private final class SimulatorHTTPHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let handle: @Sendable (RecordedRequest) -> SimulatorAction
    private var head: HTTPRequestHead?
    private var body: [UInt8] = []
    private var tooLarge = false

    init(handle: @escaping @Sendable (RecordedRequest) -> SimulatorAction) {
        self.handle = handle
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let requestHead):
            head = requestHead
            body = []
            tooLarge = false
        case .body(let buffer):
            if body.count + buffer.readableBytes > SimulatorHTTPServer.maximumBodyBytes {
                tooLarge = true
            } else {
                body.append(contentsOf: buffer.readableBytesView)
            }
        case .end:
            guard let head else { return }
            self.head = nil
            if tooLarge {
                write(.text(.payloadTooLarge, "request body too large\n"), keepAlive: false, context: context)
                return
            }
            let request = RecordedRequest(
                method: head.method.rawValue, uri: head.uri, headers: head.headers.map { ($0.name, $0.value) },
                body: body, remoteAddress: context.channel.remoteAddress?.ipAddress, receivedAt: Date())
            perform(handle(request), keepAlive: head.isKeepAlive, context: context)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    private func perform(_ action: SimulatorAction, keepAlive: Bool, context: ChannelHandlerContext) {
        switch action {
        case .hang:
            break
        case .drop:
            context.close(promise: nil)
        case .respond(let response, let delay):
            if delay <= .zero {
                write(response, keepAlive: keepAlive, context: context)
            } else {
                context.eventLoop.assumeIsolated().scheduleTask(in: TimeAmount(delay)) {
                    self.write(response, keepAlive: keepAlive, context: context)
                }
            }
        }
    }

    private func write(_ response: SimulatorResponse, keepAlive: Bool, context: ChannelHandlerContext) {
        guard context.channel.isActive else { return }
        var headers = HTTPHeaders(response.headers)
        headers.replaceOrAdd(name: "Content-Length", value: String(response.body.count))
        headers.replaceOrAdd(name: "Connection", value: keepAlive ? "keep-alive" : "close")
        let head = HTTPResponseHead(version: .http1_1, status: response.status, headers: headers)
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: response.body)))), promise: nil)
        let done = context.writeAndFlushPromise()
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: done)
        if !keepAlive {
            done.futureResult.assumeIsolated().whenComplete { _ in context.close(promise: nil) }
        }
    }
}

extension ChannelHandlerContext {
    fileprivate func writeAndFlushPromise() -> EventLoopPromise<Void> { eventLoop.makePromise() }
}
