import SwitchboardEngine

/// The reply-length counter and the carrier segment split under fuzzing (docs/provider-contract.md §2 and §3), shared by the
/// libFuzzer target and the corpus replay test.
///
/// The input is the text, as UTF-8 (invalid bytes repaired). Checked, paid and unpaid: the report agrees with itself
/// and with the text (character set, count, limit, where it first goes over, every offender at every place it
/// occurs, every suggestion GSM, the count after replacing); the segments put the text back together, each fits its
/// part, and a cut never falls inside a grapheme that would have fitted whole.
package enum ReplyLengthFuzzHarness {
    /// The problems found with one input; empty when every property holds.
    package static func run(_ input: [UInt8]) -> [String] {
        let text = String(decoding: input, as: UTF8.self)
        return reportProblems(text, paid: false) + reportProblems(text, paid: true) + segmentProblems(text)
    }

    private static func reportProblems(_ text: String, paid: Bool) -> [String] {
        let report = ReplyLengthRule.evaluate(text, paid: paid)
        let characters = Array(text)
        var problems: [String] = []
        func check(_ holds: Bool, _ problem: @autoclosure () -> String) {
            if !holds { problems.append("paid=\(paid): \(problem())") }
        }
        let latin = characters.allSatisfy { GSMAlphabet.septets(for: $0) != nil }
        check(report.charset == (latin ? .latin : .other), "charset \(report.charset) for \(text.debugDescription)")
        check(report.limit == ReplyLengthRule.limit(for: report.charset, paid: paid), "limit \(report.limit)")
        let costs = characters.map { latin ? (GSMAlphabet.septets(for: $0) ?? 0) : $0.utf16.count }
        check(report.used == costs.reduce(0, +), "used \(report.used), the characters cost \(costs.reduce(0, +))")
        if !latin { check(report.used == text.utf16.count, "used \(report.used) of \(text.utf16.count) UTF-16 units") }
        check(report.isWithinLimit == (report.used <= report.limit), "isWithinLimit \(report.isWithinLimit)")
        check(report.overBy + report.remaining == abs(report.limit - report.used), "overBy and remaining disagree")
        if let over = report.firstCharacterOverLimit {
            if costs.indices.contains(over) {
                let before = costs.prefix(over).reduce(0, +)
                check(
                    before <= report.limit && before + costs[over] > report.limit, "over from \(over), cost \(before)")
            } else {
                check(false, "over from \(over) in \(characters.count) characters")
            }
        } else {
            check(report.isWithinLimit, "over the limit with no first character over")
        }
        check(latin == report.offenders.isEmpty, "\(report.offenders.count) offenders in a \(report.charset) text")
        var offending: [Int] = []
        for offender in report.offenders {
            check(offender.positions == offender.positions.sorted(), "positions out of order")
            for position in offender.positions {
                let character = characters.indices.contains(position) ? characters[position] : nil
                check(character == offender.character, "offender \(offender.displayName) not at \(position)")
            }
            offending += offender.positions
            if let suggestion = offender.suggestedReplacement {
                check(GSMAlphabet.canEncode(suggestion), "suggestion \(suggestion.debugDescription) is not GSM")
            }
        }
        let expected = characters.indices.filter { GSMAlphabet.septets(for: characters[$0]) == nil }
        check(offending.sorted() == expected, "offenders at \(offending.sorted()), non-GSM at \(expected)")
        if let replacedLength = report.lengthIfReplaced {
            let replaced = ReplyLengthRule.replacingOffenders(in: text) ?? ""
            let again = ReplyLengthRule.evaluate(replaced, paid: paid)
            check(again.charset == .latin && again.used == replacedLength, "replaced: \(again.summary)")
        }
        return problems
    }

    private static func segmentProblems(_ text: String) -> [String] {
        let report = SegmentCalculator.calculate(text)
        var problems: [String] = []
        let joined = report.parts.flatMap { Array($0.unicodeScalars) }
        if joined != Array(text.unicodeScalars) { problems.append("the parts do not make up the text") }
        if report.encoding != (GSMAlphabet.canEncode(text) ? .gsm7 : .ucs2) {
            problems.append("encoding \(report.encoding)")
        }
        if text.isEmpty != report.parts.isEmpty { problems.append("\(report.parts.count) parts") }
        var graphemeStarts: Set<Int> = [0]
        var oversized: [Range<Int>] = []
        var offset = 0
        for character in text {
            let count = character.unicodeScalars.count
            if character.utf16.count > SegmentEncoding.ucs2.multiSegmentUnits {
                oversized.append(offset..<offset + count)
            }
            offset += count
            graphemeStarts.insert(offset)
        }
        var cut = 0
        for part in report.parts {
            let units = report.encoding == .gsm7 ? septets(part) : part.utf16.count
            if units > report.unitsPerSegment { problems.append("a part of \(units) units") }
            cut += part.unicodeScalars.count
            let allowed =
                report.encoding == .gsm7 || graphemeStarts.contains(cut) || oversized.contains { $0.contains(cut) }
            if !allowed { problems.append("a part ends inside a grapheme, at scalar \(cut)") }
        }
        return problems
    }

    private static func septets(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + (GSMAlphabet.septets(for: $1) ?? 0) }
    }
}
