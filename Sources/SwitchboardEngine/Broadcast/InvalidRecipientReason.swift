/// Why an entry of a recipient list was not imported.
package enum InvalidRecipientReason: Sendable, Hashable, CustomStringConvertible {
    /// The number does not normalise to E.164.
    case phoneNumber(PhoneNumberError)
    /// A CSV field opens a quote that is never closed; the record is skipped and reading resumes on the line
    /// after the opening quote, so the rest of the file is not swallowed into one field.
    case unterminatedQuote

    /// What is wrong and what to write instead.
    package var description: String {
        switch self {
        case .phoneNumber(let error):
            return error.description
        case .unterminatedQuote:
            return "A quoted field is never closed: end it with \", and write a quote inside a quoted field as \"\""
        }
    }
}
