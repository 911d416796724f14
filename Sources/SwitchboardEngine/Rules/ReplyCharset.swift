/// The character set Tagga bills a reply in: "latin" when every character is GSM 03.38, "other" otherwise.
package enum ReplyCharset: String, Sendable, Hashable, CaseIterable {
    /// Every scalar is in the GSM default alphabet or its extension table; counted in septets.
    case latin
    /// At least one character outside GSM; counted in UTF-16 code units.
    case other
}
