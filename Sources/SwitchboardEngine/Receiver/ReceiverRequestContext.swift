import Hummingbird
import NIOCore

/// The receiver's request context: knows the peer's address, for `allowed_networks`.
package struct ReceiverRequestContext: RequestContext, RemoteAddressRequestContext {
    package var coreContext: CoreRequestContextStorage
    package let remoteAddress: SocketAddress?

    package init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// A callback is at most 64 KiB.
    package var maxUploadSize: Int { CallbackReceiver.maximumBodyBytes }
}
