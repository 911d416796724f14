import Foundation
import NIOCore
import NIOPosix
import NIOSSL
import Synchronization

/// What ``ScriptedHTTPServer`` does with a request it has read.
enum ScriptedReply: Sendable {
    /// Writes these bytes as they are (a whole response), and keeps the connection.
    case respond(String)
    /// Writes these bytes, then closes the connection.
    case respondAndClose(String)
    /// Closes the connection without answering.
    case closeWithoutAnswer
    /// Never answers.
    case silent
    /// Answers, then closes the connection after `idle` with nothing more asked.
    case respondThenCloseIdle(String, idle: TimeAmount)

    /// A small keep-alive `200` with a JSON body.
    static let ok = respond(
        "HTTP/1.1 200 OK\r\nContent-Length: 11\r\nContent-Type: application/json\r\n\r\n{\"ok\":true}")
}

/// A tiny HTTP/1.1 server on its own event loop for the client's edge cases: it reads whole requests (head and
/// `Content-Length` body) byte by byte and answers each with the next scripted reply (``ScriptedReply/ok`` when
/// the script has run out). Given a TLS context, it speaks HTTPS (the TLS server handler first in each connection).
final class ScriptedHTTPServer: Sendable {
    private let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    private let tls: NIOSSLContext?
    private let script: Mutex<[ScriptedReply]>
    private let counts = Mutex((requests: 0, connections: 0))
    private let listener = Mutex<(any Channel)?>(nil)

    init(_ script: [ScriptedReply], tls: NIOSSLContext? = nil) {
        self.script = Mutex(script)
        self.tls = tls
    }

    /// Requests read so far.
    var requests: Int { counts.withLock { $0.requests } }
    /// Connections accepted so far.
    var connections: Int { counts.withLock { $0.connections } }

    /// Starts on 127.0.0.1 and returns the port.
    func start() async throws -> Int {
        let channel = try await ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                self.counts.withLock { $0.connections += 1 }
                return channel.eventLoop.makeCompletedFuture {
                    if let tls = self.tls {
                        try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: tls))
                    }
                    try channel.pipeline.syncOperations.addHandler(ScriptedConnectionHandler(server: self))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        listener.withLock { $0 = channel }
        return channel.localAddress!.port!
    }

    func stop() async {
        try? await listener.withLock { $0 }?.close()
        try? await group.shutdownGracefully()
    }

    /// Counts a request and takes its reply.
    fileprivate func nextReply() -> ScriptedReply {
        counts.withLock { $0.requests += 1 }
        return script.withLock { $0.isEmpty ? .ok : $0.removeFirst() }
    }
}

/// One accepted connection of ``ScriptedHTTPServer``.
private final class ScriptedConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let server: ScriptedHTTPServer
    private var pending: [UInt8] = []
    private var idleClose: Scheduled<Void>?

    init(server: ScriptedHTTPServer) {
        self.server = server
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        idleClose?.cancel()
        pending.append(contentsOf: unwrapInboundIn(data).readableBytesView)
        while let length = Self.requestLength(pending) {
            pending.removeFirst(length)
            reply(server.nextReply(), context)
        }
    }

    private func reply(_ reply: ScriptedReply, _ context: ChannelHandlerContext) {
        switch reply {
        case .respond(let bytes):
            context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: bytes)), promise: nil)
        case .respondAndClose(let bytes):
            context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: bytes))).assumeIsolated().whenComplete { _ in
                context.close(promise: nil)
            }
        case .closeWithoutAnswer:
            context.close(promise: nil)
        case .silent:
            break
        case .respondThenCloseIdle(let bytes, let idle):
            context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: bytes)), promise: nil)
            idleClose = context.eventLoop.assumeIsolated().scheduleTask(in: idle) { context.close(promise: nil) }
        }
    }

    /// The length of the first whole request in `bytes` (head and `Content-Length` body), or nil.
    private static func requestLength(_ bytes: [UInt8]) -> Int? {
        let end = Array("\r\n\r\n".utf8)
        guard
            let headEnd = (0...max(0, bytes.count - 4)).first(where: {
                Array(bytes[$0..<min($0 + 4, bytes.count)]) == end
            })
        else { return nil }
        let head = String(decoding: bytes[..<headEnd], as: UTF8.self).lowercased()
        let length =
            head.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
            .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
        let total = headEnd + 4 + length
        return bytes.count >= total ? total : nil
    }
}
