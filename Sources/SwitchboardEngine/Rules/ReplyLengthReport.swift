/// What the reply length rule found for one message: the count, the limit, and what to fix.
package struct ReplyLengthReport: Sendable, Hashable {
    /// Septets for `.latin`, UTF-16 code units for `.other`.
    package let used: Int
    /// The limit for `charset` and `paid`.
    package let limit: Int
    /// The character set the message is billed in.
    package let charset: ReplyCharset
    /// Whether the reply is sent with `paid=TRUE`.
    package let paid: Bool
    /// The distinct characters that forced `.other`, in order of first appearance (empty for `.latin`).
    package let offenders: [ReplyLengthOffender]
    /// The Character offset of the first character that no longer fits, or nil when the message fits.
    package let firstCharacterOverLimit: Int?
    /// The latin count if every offender were replaced by its suggestion; nil when the message is already
    /// latin or some offender has no suggestion.
    package let lengthIfReplaced: Int?

    package init(
        used: Int, limit: Int, charset: ReplyCharset, paid: Bool, offenders: [ReplyLengthOffender],
        firstCharacterOverLimit: Int?, lengthIfReplaced: Int?
    ) {
        self.used = used
        self.limit = limit
        self.charset = charset
        self.paid = paid
        self.offenders = offenders
        self.firstCharacterOverLimit = firstCharacterOverLimit
        self.lengthIfReplaced = lengthIfReplaced
    }

    /// Whether the provider accepts this length.
    package var isWithinLimit: Bool { used <= limit }

    /// How far over the limit the message is; 0 when within.
    package var overBy: Int { max(0, used - limit) }

    /// What is left before the limit; 0 when over.
    package var remaining: Int { max(0, limit - used) }

    /// The latin limit for the same `paid` flag, which `lengthIfReplaced` is measured against.
    package var latinLimit: Int { ReplyLengthRule.limit(for: .latin, paid: paid) }

    /// Whether replacing the offenders would make the message fit (in the latin limit).
    package var fitsIfReplaced: Bool {
        guard let lengthIfReplaced else { return false }
        return lengthIfReplaced <= latinLimit
    }

    /// A short counter line for the UI, e.g. `57/100 latin`, `120/140 latin paid` or `52/50 other, 2 over`.
    package var summary: String {
        let base = "\(used)/\(limit) \(charset.rawValue)\(paid ? " paid" : "")"
        return isWithinLimit ? base : "\(base), \(overBy) over"
    }
}
