import Foundation

/// How Switchboard writes countdowns, clock times and ages, on the console and in the headless commands alike.
package enum TimeText {
    /// `mm:ss` (or `h:mm:ss`) left; never negative.
    package static func countdown(_ left: Duration) -> String {
        let total = max(0, Int(left.timeInterval.rounded(.down)))
        let (hours, minutes, seconds) = (total / 3600, total % 3600 / 60, total % 60)
        return hours > 0
            ? "\(hours):\(two(minutes)):\(two(seconds))" : "\(two(minutes)):\(two(seconds))"
    }

    /// The wall-clock time `HH:mm:ss` at a fixed offset from UTC (the console passes the local offset).
    package static func clock(_ date: Date, offset: Int) -> String {
        let seconds = (Int(date.timeIntervalSince1970.rounded(.down)) + offset) % 86_400
        let day = seconds < 0 ? seconds + 86_400 : seconds
        return "\(two(day / 3600)):\(two(day % 3600 / 60)):\(two(day % 60))"
    }

    /// "12s", "4m", "2h" ago.
    package static func age(_ seconds: TimeInterval) -> String {
        let value = max(0, Int(seconds))
        if value < 60 { return "\(value)s" }
        if value < 3600 { return "\(value / 60)m" }
        return "\(value / 3600)h"
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
