import SwitchboardEngine

/// A recipients file the runtime read for the broadcast screen: its text and what is in it.
package struct RecipientsFile: Sendable, Hashable {
    /// The path as the operator typed it.
    package var path: String
    /// The file's name, for the dry run and the campaign's source.
    package var name: String
    package var content: String
    /// It was not UTF-8 and was read as Windows-1252.
    package var readAsWindows1252: Bool
    package var summary: RecipientSummary

    package init(path: String, name: String, content: String, readAsWindows1252: Bool, summary: RecipientSummary) {
        self.path = path
        self.name = name
        self.content = content
        self.readAsWindows1252 = readAsWindows1252
        self.summary = summary
    }
}

/// Reading a recipients file: its content, or why it could not be read.
package enum RecipientsFileLoad: Sendable, Hashable {
    case loaded(RecipientsFile)
    case failed(path: String, reason: String)
}

/// What a recipient list holds, in a few numbers, for the compose step's line under the recipients.
package struct RecipientSummary: Sendable, Hashable {
    package var recipients: Int
    package var invalid: Int
    package var duplicates: Int
    /// The first invalid entry: its line and why.
    package var firstInvalid: InvalidRecipientLine?
    /// The CSV's columns ({column} placeholders may name them); empty for a list of numbers.
    package var columns: [String]
    package var format: RecipientFormat

    package init(_ list: RecipientList) {
        recipients = list.recipients.count
        invalid = list.invalidCount
        duplicates = list.duplicateCount
        firstInvalid = list.invalid.first
        columns = list.columns
        format = list.format
    }
}
