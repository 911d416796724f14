/// A reply field whose absence the provider reports as code 3 (incomplete call).
package enum ReplyField: String, Sendable, Hashable, CaseIterable {
    case tagg
    case transactionID

    /// The form field name on the wire.
    package var wireName: String {
        switch self {
        case .tagg: "tagg"
        case .transactionID: "transaction_id"
        }
    }
}
