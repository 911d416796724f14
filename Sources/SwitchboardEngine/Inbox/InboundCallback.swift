import Foundation

/// One inbound text as the receiver accepted it: the three fields of CONTRACTS.md §1 plus what we know about how
/// it arrived. The raw request is kept as received, whatever we made of it.
package struct InboundCallback: Sendable, Hashable {
    package var transactionID: String
    package var tagg: String
    package var message: String
    /// How the message bytes were read: valid UTF-8, or repaired as Windows-1252.
    package var encoding: MessageEncoding
    /// Whether the tagg is one of the configured ones (compared case-insensitively); a reply to another gets code 8.
    package var taggKnown: Bool
    /// Our receipt time: the reply window starts here.
    package var receivedAt: Date
    package var raw: RawCallbackRequest

    package init(
        transactionID: String, tagg: String, message: String, encoding: MessageEncoding, taggKnown: Bool,
        receivedAt: Date, raw: RawCallbackRequest
    ) {
        self.transactionID = transactionID
        self.tagg = tagg
        self.message = message
        self.encoding = encoding
        self.taggKnown = taggKnown
        self.receivedAt = receivedAt
        self.raw = raw
    }
}

/// How a message's bytes were turned into text.
package enum MessageEncoding: String, Sendable, Hashable, Codable, CaseIterable {
    case utf8 = "utf-8"
    /// Not valid UTF-8: decoded as Windows-1252 and flagged.
    case windows1252 = "windows-1252"
}

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

/// What storing a callback came to.
package enum CallbackInsertResult: Sendable, Hashable {
    case inserted
    /// The transaction id was already stored: no second row, the first receipt time stands.
    case duplicate
}
