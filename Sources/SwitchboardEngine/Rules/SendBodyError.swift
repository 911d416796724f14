/// Why a Tagget send body was refused.
package enum SendBodyError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No characters at all.
    case empty
    /// Only whitespace: nothing the recipient could read.
    case blank
    /// More than 1600 characters.
    case tooLong(count: Int)

    package var description: String {
        switch self {
        case .empty:
            return "The message is empty: write 1 to \(SendBody.maximumLength) characters"
        case .blank:
            return "The message is only spaces or line breaks: write something the recipient can read"
        case .tooLong(let count):
            return "The message is \(count) characters long, \(count - SendBody.maximumLength) over the "
                + "limit of \(SendBody.maximumLength): shorten it or split it into two sends"
        }
    }
}
