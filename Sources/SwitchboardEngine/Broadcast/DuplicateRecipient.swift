/// An entry dropped because its number was already in the list: the first occurrence wins.
package struct DuplicateRecipient: Sendable, Hashable {
    /// The 1-based line of the dropped entry.
    package let line: Int
    /// The 1-based line of the entry that was kept.
    package let firstLine: Int
    /// The number both entries normalise to.
    package let phone: PhoneNumber

    /// The entry at `line` repeats the number first seen at `firstLine`.
    package init(line: Int, firstLine: Int, phone: PhoneNumber) {
        self.line = line
        self.firstLine = firstLine
        self.phone = phone
    }
}
