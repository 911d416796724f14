import Foundation

/// One inbound text as the receiver accepted it: the three fields of docs/provider-contract.md §1 plus what we know about how
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
