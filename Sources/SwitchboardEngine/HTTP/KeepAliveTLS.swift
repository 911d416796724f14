import NIOCore
import NIOSSL

/// The TLS side of a ``KeepAliveHTTPConnection`` to an `https://` endpoint. Certificates are always verified, chain
/// and host name (`TLSConfiguration.makeClientConfiguration()`, the system's trust roots); nothing here can turn that
/// off. The tests add their own certificate authority as an extra trust root, on top of the system's.
struct KeepAliveTLS: Sendable {
    /// Why a TLS connection could not be made, in words for the operator.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private let context: Result<NIOSSLContext, any Error>

    init(additionalTrustRoots: [NIOSSLCertificate]) {
        context =
            additionalTrustRoots.isEmpty
            ? Self.systemContext : Result { try NIOSSLContext(configuration: Self.configuration(additionalTrustRoots)) }
    }

    /// Made once: loading the system's trust roots is not free, and every sender of every broadcast needs them.
    private static let systemContext = Result { try NIOSSLContext(configuration: configuration([])) }

    private static func configuration(_ additionalTrustRoots: [NIOSSLCertificate]) -> TLSConfiguration {
        var configuration = TLSConfiguration.makeClientConfiguration()
        if !additionalTrustRoots.isEmpty { configuration.additionalTrustRoots = [.certificates(additionalTrustRoots)] }
        // Closing waits for the provider's close_notify; one that never sends it should not hold a sender for long.
        configuration.shutdownTimeout = .seconds(1)
        return configuration
    }

    /// Puts the TLS client handler first in `pipeline` (SNI and the certificate's expected name: `host`, unless it is
    /// an IP address, which the certificate must then carry) and a ``TLSHandshakeWaiter`` after it; returns the
    /// handshake's end, failed with a ``Failure`` when it did not succeed within `timeout`.
    func addHandlers(
        to pipeline: ChannelPipeline.SynchronousOperations, host: String, timeout: TimeAmount,
        eventLoop: any EventLoop
    ) throws -> EventLoopFuture<Void> {
        let context: NIOSSLContext
        do {
            context = try self.context.get()
        } catch {
            throw Failure(description: "could not set up TLS (\(error))")
        }
        let isAddress = (try? SocketAddress(ipAddress: host, port: 0)) != nil
        try pipeline.addHandler(NIOSSLClientHandler(context: context, serverHostname: isAddress ? nil : host))
        let handshake = eventLoop.makePromise(of: Void.self)
        try pipeline.addHandler(TLSHandshakeWaiter(promise: handshake, timeout: timeout))
        return handshake.futureResult.flatMapErrorThrowing { error in
            throw Failure(description: Self.describe(handshakeError: error, host: host))
        }
    }

    /// A handshake's failure, naming the certificate problem when it is one.
    static func describe(handshakeError error: any Error, host: String) -> String {
        if let error = error as? NIOSSLExtraError, error == .failedToValidateHostname {
            return "TLS handshake failed: the provider's certificate is not valid for \(host) (\(error))"
        }
        switch error {
        case NIOSSLError.handshakeFailed(let reason) where "\(reason)".contains("CERTIFICATE_VERIFY_FAILED"):
            return "TLS handshake failed: the provider's certificate could not be verified (not issued by a trusted"
                + " authority, expired, or otherwise invalid: \(reason))"
        case NIOSSLError.handshakeFailed(let reason):
            return "TLS handshake failed (\(reason))"
        case TLSHandshakeWaiter.Ended.timedOut:
            return "timed out in the TLS handshake"
        case TLSHandshakeWaiter.Ended.closed, NIOSSLError.uncleanShutdown:
            return "the provider closed the connection during the TLS handshake"
        default:
            return "TLS handshake failed (\(error))"
        }
    }
}
