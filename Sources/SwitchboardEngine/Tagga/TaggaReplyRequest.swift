/// One reply to one inbound text, as docs/provider-contract.md §2 puts it on the wire.
package struct TaggaReplyRequest: Sendable, Hashable {
    package var tagg: String
    package var transactionID: String
    package var message: String
    package var paid: Bool

    package init(tagg: String, transactionID: String, message: String, paid: Bool) {
        self.tagg = tagg
        self.transactionID = transactionID
        self.message = message
        self.paid = paid
    }

    /// The form fields in the documented order; `paid` is always sent.
    package func formFields(apikey: Secret, passkey: Secret) -> [(name: String, value: String)] {
        [
            ("apikey", apikey.reveal()), ("passkey", passkey.reveal()), ("tagg", tagg),
            ("transaction_id", transactionID), ("message", message), ("paid", paid ? "TRUE" : "FALSE"),
        ]
    }

    /// The URL-encoded body.
    package func formBody(apikey: Secret, passkey: Secret) -> String {
        FormURLEncoding.encode(formFields(apikey: apikey, passkey: passkey))
    }
}
