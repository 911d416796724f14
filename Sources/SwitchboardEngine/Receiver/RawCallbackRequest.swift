import Foundation

/// The request a callback arrived in, byte for byte.
package struct RawCallbackRequest: Sendable, Hashable {
    package var method: String
    package var target: String
    package var contentType: String?
    package var remoteAddress: String?
    package var body: [UInt8]

    package init(method: String, target: String, contentType: String?, remoteAddress: String?, body: [UInt8]) {
        self.method = method
        self.target = target
        self.contentType = contentType
        self.remoteAddress = remoteAddress
        self.body = body
    }
}
