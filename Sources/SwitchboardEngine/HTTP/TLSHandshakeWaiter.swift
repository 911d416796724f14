import NIOCore
import NIOTLS

/// Sits just after the TLS client handler while the handshake runs, and completes its promise with the handshake's
/// end: success, the first error (a certificate not trusted, or not for this host), the connection closing, or
/// `timeout` passing (then it closes the connection). It leaves the pipeline once the handshake succeeded.
final class TLSHandshakeWaiter: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = NIOAny

    enum Ended: Error {
        case timedOut
        case closed
    }

    private var promise: EventLoopPromise<Void>?
    private let timeout: TimeAmount
    private var timer: Scheduled<Void>?

    init(promise: EventLoopPromise<Void>, timeout: TimeAmount) {
        self.promise = promise
        self.timeout = timeout
    }

    func handlerAdded(context: ChannelHandlerContext) {
        timer = context.eventLoop.assumeIsolated().scheduleTask(in: timeout) {
            self.complete(.failure(Ended.timedOut))
            context.close(promise: nil)
        }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        complete(.failure(Ended.closed))
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case .handshakeCompleted = event as? TLSUserEvent {
            complete(.success(()))
            context.fireUserInboundEventTriggered(event)
            context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
            return
        }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        complete(.failure(error))
        context.fireErrorCaught(error)
    }

    func channelInactive(context: ChannelHandlerContext) {
        complete(.failure(Ended.closed))
        context.fireChannelInactive()
    }

    /// Completes the promise the first time only.
    private func complete(_ result: Result<Void, any Error>) {
        guard let promise else { return }
        self.promise = nil
        timer?.cancel()
        promise.completeWith(result)
    }
}
