import Foundation

/// Reads and writes durations the way a person writes them in a configuration file: `"30m"`, `"10s"`,
/// `"1h30m"`, `"500ms"`, `"2h"`, `"90d"`.
///
/// Units are `ms`, `s`, `m`, `h` and `d` (a day of 24 hours; lower case), each after a whole number; several parts
/// add up. A bare number is refused, because "30" could mean seconds or minutes.
package enum DurationText {
    private static let units: [(suffix: String, milliseconds: Int64)] = [
        ("ms", 1), ("s", 1_000), ("m", 60_000), ("h", 3_600_000), ("d", 86_400_000),
    ]

    /// Parses `text` (surrounding whitespace ignored) into a duration.
    package static func parse(_ text: String) throws(DurationTextError) -> Duration {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .empty }
        if trimmed.hasPrefix("-") { throw .negative(trimmed) }
        if trimmed.allSatisfy(\.isASCIIDigit) { throw .missingUnit(trimmed) }

        var total: Int64 = 0
        var rest = Substring(trimmed)
        while !rest.isEmpty {
            let digits = rest.prefix(while: \.isASCIIDigit)
            guard !digits.isEmpty, let amount = Int64(digits) else { throw .malformed(trimmed) }
            rest = rest.dropFirst(digits.count)
            let unitText = rest.prefix(while: \.isLetter)
            guard !unitText.isEmpty else { throw .malformed(trimmed) }
            guard let unit = units.first(where: { $0.suffix == unitText }) else {
                throw .unknownUnit(trimmed, unit: String(unitText))
            }
            rest = rest.dropFirst(unitText.count)
            let (part, overflowPart) = amount.multipliedReportingOverflow(by: unit.milliseconds)
            let (sum, overflowSum) = total.addingReportingOverflow(part)
            guard !overflowPart, !overflowSum, sum <= maximumMilliseconds else { throw .tooLong(trimmed) }
            total = sum
        }
        return .milliseconds(total)
    }

    /// Writes `duration` in the same notation, largest unit first, leaving out zero parts: `1h30m`, `10s`,
    /// `500ms`, `90d`, `1d12h`, `0s`. Anything below a millisecond is dropped; a negative duration is written with a `-`.
    package static func format(_ duration: Duration) -> String {
        let negative = duration < .zero
        let magnitude = negative ? Duration.zero - duration : duration
        let magnitudeParts = magnitude.components
        var milliseconds = magnitudeParts.seconds * 1_000 + magnitudeParts.attoseconds / 1_000_000_000_000_000
        guard milliseconds > 0 else { return "0s" }
        var text = negative ? "-" : ""
        for unit in units.reversed() where milliseconds >= unit.milliseconds {
            text += "\(milliseconds / unit.milliseconds)\(unit.suffix)"
            milliseconds %= unit.milliseconds
        }
        return text
    }

    /// A thousand years: longer than any timeout anyone means, and far from overflowing.
    private static let maximumMilliseconds: Int64 = 1_000 * 365 * 24 * 3_600_000
}

/// Why a duration text was refused. The `description` says what to write instead.
package enum DurationTextError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    case negative(String)
    case missingUnit(String)
    case unknownUnit(String, unit: String)
    case malformed(String)
    case tooLong(String)

    package var description: String {
        switch self {
        case .empty:
            return #"the duration is empty; write it like "30m" or "90s""#
        case .negative(let text):
            return #""\#(text)" is negative; a duration must be zero or more, like "10s""#
        case .missingUnit(let text):
            return #""\#(text)" has no unit; add one, like "\#(text)s" or "\#(text)m" (units: ms, s, m, h, d)"#
        case .unknownUnit(let text, let unit):
            return #""\#(text)" is not a duration; write it like "30m" or "90s" ("\#(unit)" is not a unit)"#
        case .malformed(let text):
            return #""\#(text)" is not a duration; write it like "30m" or "90s""#
        case .tooLong(let text):
            return #""\#(text)" is too long a duration; a thousand years is the most"#
        }
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isWholeNumber }
}
