/// Short human wording for the durations rule messages mention ("2 min 5 s", "0.4 s", "30 min").
enum RuleDurationText {
    static func describe(_ duration: Duration) -> String {
        let seconds = abs(duration.timeInterval)
        if seconds < 10, seconds != seconds.rounded() {
            return "\((seconds * 10).rounded() / 10) s"
        }
        let whole = Int(seconds.rounded())
        let (hours, minutes, rest) = (whole / 3600, whole % 3600 / 60, whole % 60)
        var words: [String] = []
        if hours > 0 { words.append("\(hours) h") }
        if minutes > 0 { words.append("\(minutes) min") }
        if rest > 0 || words.isEmpty { words.append("\(rest) s") }
        return words.joined(separator: " ")
    }
}
