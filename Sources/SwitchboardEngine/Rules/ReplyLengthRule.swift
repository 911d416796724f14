/// Tagga's reply length rule (docs/provider-contract.md §2 "Reply length rule").
///
/// "latin" (every scalar in GSM 03.38 or its extension table) is counted in septets, an extension character
/// counting 2: limit 100, 140 when paid. Anything else is "other", counted in UTF-16 code units (an emoji
/// outside the BMP counts 2): limit 50, 70 when paid. The empty message is allowed.
package enum ReplyLengthRule {
    /// The limit for a character set and `paid` flag.
    package static func limit(for charset: ReplyCharset, paid: Bool) -> Int {
        switch charset {
        case .latin: paid ? 140 : 100
        case .other: paid ? 70 : 50
        }
    }

    /// Counts `message` the way the provider does and says what to fix when it does not fit.
    package static func evaluate(_ message: String, paid: Bool) -> ReplyLengthReport {
        let offenders = findOffenders(in: message)
        let charset: ReplyCharset = offenders.isEmpty ? .latin : .other
        let limit = limit(for: charset, paid: paid)
        var used = 0
        var firstOver: Int?
        for (offset, character) in message.enumerated() {
            used += cost(of: character, in: charset)
            if firstOver == nil, used > limit { firstOver = offset }
        }
        return ReplyLengthReport(
            used: used, limit: limit, charset: charset, paid: paid, offenders: offenders,
            firstCharacterOverLimit: firstOver,
            lengthIfReplaced: offenders.isEmpty ? nil : replacingOffenders(in: message).map(septetCount)
        )
    }

    /// `message` with every non-GSM character replaced by its suggestion, or nil when some character has none.
    package static func replacingOffenders(in message: String) -> String? {
        var result = ""
        for character in message {
            guard let replacement = LatinReplacement.suggestion(for: character) else { return nil }
            result += replacement
        }
        return result
    }

    private static func cost(of character: Character, in charset: ReplyCharset) -> Int {
        switch charset {
        case .latin: GSMAlphabet.septets(for: character) ?? 0
        case .other: character.utf16.count
        }
    }

    private static func septetCount(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + (GSMAlphabet.septets(for: $1) ?? 0) }
    }

    private static func findOffenders(in message: String) -> [ReplyLengthOffender] {
        var offenders: [ReplyLengthOffender] = []
        var indexByCharacter: [Character: Int] = [:]
        for (offset, character) in message.enumerated() where GSMAlphabet.septets(for: character) == nil {
            if let index = indexByCharacter[character] {
                offenders[index].positions.append(offset)
            } else {
                indexByCharacter[character] = offenders.count
                offenders.append(
                    ReplyLengthOffender(
                        character: character, positions: [offset],
                        suggestedReplacement: LatinReplacement.suggestion(for: character)
                    )
                )
            }
        }
        return offenders
    }
}
