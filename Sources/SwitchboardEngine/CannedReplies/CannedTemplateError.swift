/// Why a canned reply's text cannot be used; positions count characters from 1.
package enum CannedTemplateError: Error, Sendable, Hashable, CustomStringConvertible {
    case unknownVariable(String, position: Int)
    case unclosedBrace(position: Int)
    case emptyPrompt(position: Int)
    case secondCursor(position: Int)

    package var description: String {
        switch self {
        case .unknownVariable(let name, let position):
            "unknown variable {\(name)} at character \(position): use \(CannedVariable.written), {?label} to ask, "
                + "{|} for the cursor, or {{ for a brace"
        case .unclosedBrace(let position):
            "the { at character \(position) is not closed: close it with } (or write {{ for a brace)"
        case .emptyPrompt(let position):
            "the prompt at character \(position) has no label: write it like {?order number}"
        case .secondCursor(let position):
            "a second cursor marker {|} at character \(position): a reply has one cursor"
        }
    }

    /// The text that gave the error, to find its line in the configuration file.
    package var token: String {
        switch self {
        case .unknownVariable(let name, _): "{\(name)}"
        case .unclosedBrace: "{"
        case .emptyPrompt: "{?"
        case .secondCursor: "{|}"
        }
    }
}
