/// The broadcast being prepared (compose, dry run, confirmation): its three fields, the recipients file loaded
/// for the first, the dry run, and the screen's last message. The broadcast once started is a ``BroadcastRun``.
package struct BroadcastScreen: Sendable, Hashable {
    /// The fields `Tab` moves between.
    package enum Field: Sendable, Hashable, CaseIterable {
        case recipients, body, sender
    }

    /// A file path, or numbers typed or pasted (separated by lines, `,` or `;`).
    package var recipients = TextField()
    /// The text, with `{column}` placeholders filled from a CSV.
    package var body = TextField()
    package var sender = TextField()
    package var field: Field = .recipients
    /// The file read for the recipients field (used while the field still holds its path).
    package var file: RecipientsFile?
    /// What the typed numbers hold (nil while a file path is typed, or nothing is typed).
    package var typed: RecipientSummary?
    /// A file is being read; the dry run follows when it was asked for.
    package var loadingPath: String?
    package var dryRunAfterLoad = false
    /// The last dry run asked for, and its answer once it came.
    package var generation = 0
    package var planning = false
    package var planned: PlannedBroadcast?
    /// The recipient count typed to confirm a broadcast that needs it (``BroadcastConfirmation``).
    package var confirmation = ""
    /// The campaign is being stored and started.
    package var starting = false
    /// The screen's message line, and whether it is an error.
    package var notice: String?
    package var noticeIsError = false

    package init(sender: String = "") {
        self.sender = TextField(sender)
    }

    /// The focused field.
    package var focused: TextField {
        get {
            switch field {
            case .recipients: recipients
            case .body: body
            case .sender: sender
            }
        }
        set {
            switch field {
            case .recipients: recipients = newValue
            case .body: body = newValue
            case .sender: sender = newValue
            }
        }
    }

    /// The recipients field holds a file path (one line that starts like a path or ends like a list file).
    package var recipientsIsPath: Bool { BroadcastInput.looksLikePath(recipients.text) }

    /// The file read for the recipients field, if the field still holds its path.
    package var currentFile: RecipientsFile? {
        guard let file, file.path == BroadcastInput.trimmedPath(recipients.text) else { return nil }
        return file
    }

    /// The recipients' summary as the compose step shows it: the loaded file's, or the typed numbers'.
    package var summary: RecipientSummary? { recipientsIsPath ? currentFile?.summary : typed }

    package mutating func say(_ text: String, error: Bool = false) {
        notice = text
        noticeIsError = error
    }
}
