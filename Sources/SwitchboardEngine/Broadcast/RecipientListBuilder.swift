/// Accumulates entries into a `RecipientList`: normalises, drops duplicates, keeps the first details.
///
/// Duplicates are found with a dictionary keyed by E.164, so building is linear in the number of entries.
struct RecipientListBuilder {
    private let detailLimit: Int
    private var recipients: [Recipient] = []
    private var invalid: [InvalidRecipientLine] = []
    private var invalidCount = 0
    private var duplicates: [DuplicateRecipient] = []
    private var duplicateCount = 0
    private var firstLineByNumber: [String: Int] = [:]

    /// A builder keeping at most `detailLimit` invalid entries and duplicates in detail (negative counts as 0).
    init(detailLimit: Int) {
        self.detailLimit = max(0, detailLimit)
    }

    /// Adds the entry `raw` found at `line`, with its CSV row.
    mutating func add(raw: String, line: Int, fields: [String: String] = [:]) {
        let phone: PhoneNumber
        do throws(PhoneNumberError) {
            phone = try PhoneNumber(normalizing: raw)
        } catch {
            addInvalid(line: line, raw: raw, reason: .phoneNumber(error))
            return
        }
        if let firstLine = firstLineByNumber[phone.e164] {
            duplicateCount += 1
            if duplicates.count < detailLimit {
                duplicates.append(DuplicateRecipient(line: line, firstLine: firstLine, phone: phone))
            }
            return
        }
        firstLineByNumber[phone.e164] = line
        recipients.append(Recipient(phone: phone, line: line, fields: fields))
    }

    /// Records an entry that cannot be imported.
    mutating func addInvalid(line: Int, raw: String, reason: InvalidRecipientReason) {
        invalidCount += 1
        if invalid.count < detailLimit {
            invalid.append(InvalidRecipientLine(line: line, raw: raw, reason: reason))
        }
    }

    /// The list, with the layout the input was read with.
    func build(columns: [String], phoneColumn: String?, hasHeader: Bool, format: RecipientFormat) -> RecipientList {
        RecipientList(
            recipients: recipients, invalid: invalid, invalidCount: invalidCount, duplicates: duplicates,
            duplicateCount: duplicateCount, columns: columns, phoneColumn: phoneColumn, hasHeader: hasHeader,
            format: format)
    }
}
