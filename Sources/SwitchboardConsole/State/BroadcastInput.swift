import Foundation
import SwitchboardEngine

/// How the recipients field is read: a file path, or numbers.
package enum BroadcastInput {
    /// Extensions of files of numbers: a single word ending in one of these is a path too.
    private static let listExtensions = RecipientFormat.csvExtensions.union(RecipientFormat.plainTextExtensions)

    /// One line that starts with `/`, `~`, `./` or `../`, or ends in `.csv`, `.txt`, …: a file to read. Numbers
    /// never look like this (they hold no letters and no slash).
    package static func looksLikePath(_ text: String) -> Bool {
        let path = trimmedPath(text)
        guard !path.isEmpty, !path.contains("\n"), !path.contains("\r") else { return false }
        if path.hasPrefix("/") || path.hasPrefix("~") || path.hasPrefix("./") || path.hasPrefix("../") {
            return true
        }
        guard let dot = path.lastIndex(of: ".") else { return false }
        return listExtensions.contains(path[path.index(after: dot)...].lowercased())
    }

    /// The path without the spaces around it, and without the quotes a file manager adds when a path is dropped.
    package static func trimmedPath(_ text: String) -> String {
        var path = text.trimmingCharacters(in: .whitespacesAndNewlines)
        for quote in ["'", "\""] where path.count >= 2 && path.hasPrefix(quote) && path.hasSuffix(quote) {
            path = String(path.dropFirst().dropLast())
        }
        return path
    }

    /// The typed numbers' summary; nil when nothing is typed or the field holds a path.
    package static func typedSummary(_ text: String) -> RecipientSummary? {
        guard !looksLikePath(text), text.contains(where: { !$0.isWhitespace }) else { return nil }
        return RecipientSummary(RecipientImport.typed(text, detailLimit: 1))
    }
}
