/// What the operator asks to be worked out (the dry run): the recipients as read, the body and the sender.
/// The runtime turns it into a ``PlannedBroadcast`` off the UI thread (a file of 100,000 lines takes a while).
package struct BroadcastDraft: Sendable, Hashable {
    /// Tells answers apart: only the answer to the latest request is shown.
    package var generation: Int
    /// A file's content, or the numbers as typed.
    package var recipients: String
    /// The file's name (its extension and content decide CSV or plain text); nil for typed numbers.
    package var fileName: String?
    package var body: String
    package var sender: String

    package init(generation: Int, recipients: String, fileName: String?, body: String, sender: String) {
        self.generation = generation
        self.recipients = recipients
        self.fileName = fileName
        self.body = body
        self.sender = sender
    }
}
