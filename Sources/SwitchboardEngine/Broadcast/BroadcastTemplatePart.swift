/// A piece of a broadcast body: literal text, or a placeholder filled from the recipient's CSV row.
package enum BroadcastTemplatePart: Sendable, Hashable {
    /// Text sent as is (`{{` and `}}` already read as `{` and `}`).
    case text(String)
    /// `{name}`: the recipient's value in the column `name` (trimmed of surrounding spaces); `offset` is the
    /// 0-based character offset of its `{` in the body.
    case placeholder(name: String, offset: Int)
}
