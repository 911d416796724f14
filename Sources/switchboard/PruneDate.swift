import Foundation

/// The `--before DATE` of `prune`: `YYYY-MM-DD`, the midnight that starts that day in the local time zone, or an
/// RFC 3339 timestamp with its offset (`2025-01-31T18:00:00Z`, `2025-01-31T18:00:00.250+01:00`; a space or a
/// lower-case `t`/`z` is accepted too, as RFC 3339 allows).
enum PruneDate {
    /// The moment `text` names, or an error naming the accepted forms.
    static func parse(_ text: String, timeZone: TimeZone = .current) throws(PruneDateError) -> Date {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let match = trimmed.wholeMatch(of: /(\d{4})-(\d{2})-(\d{2})/) {
            // Midnight can be skipped by a daylight-saving change: the start of the day is whenever it begins.
            guard
                let noon = date(
                    year: match.1, month: match.2, day: match.3, hour: "12", minute: "00", second: "00",
                    timeZone: timeZone)
            else { throw .notADate(text) }
            return calendar(timeZone).startOfDay(for: noon)
        }
        let timestamp =
            /(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(?:([Zz])|([+-])(\d{2}):(\d{2}))/
        guard let match = trimmed.wholeMatch(of: timestamp) else { throw .notADate(text) }
        var offset = 0
        if match.8 == nil, let sign = match.9, let hours = match.10.flatMap({ Int($0) }),
            let minutes = match.11.flatMap({ Int($0) })
        {
            guard hours < 24, minutes < 60 else { throw .notADate(text) }
            offset = (hours * 3600 + minutes * 60) * (sign == "-" ? -1 : 1)
        }
        guard let zone = TimeZone(secondsFromGMT: offset),
            let whole = date(
                year: match.1, month: match.2, day: match.3, hour: match.4, minute: match.5, second: match.6,
                timeZone: zone)
        else { throw .notADate(text) }
        let fraction = match.7.flatMap { Double("0" + $0) } ?? 0
        return whole.addingTimeInterval(fraction)
    }

    /// The date the fields name in `timeZone`, or nil when they name none (month 13, 31 April, 25 o'clock).
    private static func date(
        year: Substring, month: Substring, day: Substring, hour: Substring, minute: Substring, second: Substring,
        timeZone: TimeZone
    ) -> Date? {
        guard let year = Int(year), let month = Int(month), let day = Int(day), let hour = Int(hour),
            let minute = Int(minute), let second = Int(second), (1...12).contains(month), (1...31).contains(day),
            hour < 24, minute < 60, second <= 60
        else { return nil }
        let calendar = calendar(timeZone)
        let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute)
        guard let start = calendar.date(from: components),
            calendar.component(.day, from: start) == day, calendar.component(.month, from: start) == month
        else { return nil }
        // A leap second (60) is the first moment of the next minute.
        return start.addingTimeInterval(TimeInterval(second))
    }

    private static func calendar(_ timeZone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }
}

/// Why `--before` was refused.
enum PruneDateError: Error, Equatable, CustomStringConvertible {
    case notADate(String)

    var description: String {
        switch self {
        case .notADate(let text):
            "--before \"\(text)\" is not a date: write YYYY-MM-DD (midnight local time, like 2025-01-31) or an "
                + "RFC 3339 timestamp (like 2025-01-31T18:00:00Z or 2025-01-31T18:00:00+01:00)"
        }
    }
}
