/// Reads recipient lists: CSV, a text file, or numbers typed in.
///
/// Every entry point normalises each number with `PhoneNumber`, keeps the first occurrence of each E.164
/// number (later ones are counted as duplicates, with the line they repeat), and reports invalid entries
/// with their 1-based physical line numbers. Blank lines are skipped and are not invalid. Only the first
/// `detailLimit` invalid entries and duplicates are kept in detail; the counts are always exact. The work
/// is linear in the size of the input.
package enum RecipientImport {
    /// Reads `text` as `format`.
    package static func parse(
        _ text: String, as format: RecipientFormat, detailLimit: Int = RecipientList.defaultDetailLimit
    ) -> RecipientList {
        switch format {
        case .csv: csv(text, detailLimit: detailLimit)
        case .plainText: plainText(text, detailLimit: detailLimit)
        case .typed: typed(text, detailLimit: detailLimit)
        }
    }

    /// Reads a file's content, its format detected from its name and content (`RecipientFormat.detect`).
    package static func file(
        named fileName: String?, content: String, detailLimit: Int = RecipientList.defaultDetailLimit
    ) -> RecipientList {
        parse(content, as: RecipientFormat.detect(fileName: fileName, content: content), detailLimit: detailLimit)
    }

    /// Reads numbers the operator typed in: the same rules as `plainText`.
    package static func typed(_ text: String, detailLimit: Int = RecipientList.defaultDetailLimit) -> RecipientList {
        var list = plainText(text, detailLimit: detailLimit)
        list.format = .typed
        return list
    }
}
