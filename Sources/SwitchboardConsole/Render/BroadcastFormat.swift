import SwitchboardEngine

/// How the broadcast screen writes counts, rates, durations and encodings.
package enum BroadcastFormat {
    /// `1,204`.
    package static func count(_ value: Int) -> String {
        let digits = String(abs(value))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return (value < 0 ? "-" : "") + out
    }

    /// `1 segment`, `1,530 segments`.
    package static func count(_ value: Int, _ noun: String) -> String {
        "\(count(value)) \(noun)\(value == 1 ? "" : "s")"
    }

    /// `45s`, `2m 1s`, `1h 5m`.
    package static func duration(seconds: Double) -> String {
        let total = max(0, Int(seconds.rounded(.up)))
        if total < 60 { return "\(total)s" }
        if total < 3600 { return "\(total / 60)m \(total % 60)s" }
        return "\(total / 3600)h \(total % 3600 / 60)m"
    }

    /// `9.8/s` under 10, `12/s` above.
    package static func rate(_ perSecond: Double) -> String {
        perSecond < 10 ? "\((perSecond * 10).rounded() / 10)/s" : "\(Int(perSecond.rounded()))/s"
    }

    /// `GSM-7`, `UCS-2`, `GSM-7 and UCS-2`.
    package static func encodings(_ encodings: [SegmentEncoding]) -> String {
        encodings.map(name).joined(separator: " and ")
    }

    package static func name(_ encoding: SegmentEncoding) -> String {
        switch encoding {
        case .gsm7: "GSM-7"
        case .ucs2: "UCS-2"
        }
    }

    /// The time a run at `rate` takes for `recipients`; nil when unlimited.
    package static func estimate(_ recipients: Int, rate: BroadcastRate) -> String? {
        guard case .perSecond(let perSecond) = rate, perSecond > 0 else { return nil }
        return duration(seconds: Double(recipients) / perSecond)
    }
}
