import Foundation

/// The effective configuration as lines for `switchboard config check`: one key per line, secrets shown only as
/// set or empty, and where each value came from.
package enum ConfigurationSummary {
    /// `key  value` lines, aligned, for every key, in the documented order.
    package static func lines(
        for configuration: SwitchboardConfiguration,
        origins: [String: String] = [:]
    ) -> [String] {
        let rows = values(of: configuration)
        let width = rows.map(\.key.count).max() ?? 0
        return rows.map { key, value in
            let padded = key.padding(toLength: width + 2, withPad: " ", startingAt: 0)
            let origin = origins[key].map { $0 == "file" ? "" : "  (from $\($0))" } ?? "  (default)"
            return padded + value + origin
        }
    }

    /// A heading naming the file, the lines of the configuration, and the credentials still missing.
    package static func lines(for result: ConfigurationLoadResult) -> [String] {
        let heading = result.fileWasRead ? "\(result.source)" : "defaults (no file at \(result.source))"
        var lines = ["configuration: \(heading)"]
        guard let configuration = result.configuration else { return lines }
        lines += Self.lines(for: configuration, origins: result.origins)
        let replies = configuration.missingForReplies
        if !replies.isEmpty {
            lines.append("replies need: \(replies.joined(separator: ", "))")
        }
        let sends = configuration.missingForSends
        if !sends.isEmpty {
            lines.append("sends need: \(sends.joined(separator: ", "))")
        }
        return lines
    }

    private static func values(of configuration: SwitchboardConfiguration) -> [(key: String, value: String)] {
        let receiver = configuration.receiver
        let tagga = configuration.tagga
        let tagget = configuration.tagget
        let console = configuration.console
        let networks = receiver.allowedNetworks.map(\.description).joined(separator: ", ")
        let taggs = tagga.taggs.map { "\"\($0)\"" }.joined(separator: ", ")
        return [
            ("store.url", configuration.store.location.description),
            ("store.retention", configuration.store.retention.map(DurationText.format) ?? "(keep everything)"),
            ("receiver.listen", receiver.listen.description),
            ("receiver.secret", receiver.secret.description),
            ("receiver.allowed_networks", networks.isEmpty ? "(any)" : networks),
            ("tagga.base_url", tagga.baseURL.absoluteString),
            ("tagga.apikey", tagga.apiKey.description),
            ("tagga.passkey", tagga.passKey.description),
            ("tagga.taggs", taggs.isEmpty ? "(none)" : taggs),
            ("tagga.reply_window", DurationText.format(tagga.replyWindow)),
            ("tagga.safety_margin", DurationText.format(tagga.safetyMargin)),
            ("tagga.payment_registered", String(tagga.paymentRegistered)),
            ("tagget.base_url", tagget.baseURL.absoluteString),
            ("tagget.id", tagget.id == nil ? "(not set)" : "•••• (set)"),
            ("tagget.token", tagget.token.description),
            ("tagget.sender", tagget.sender.value),
            ("tagget.rate", "\(formatted(tagget.rate)) requests/s"),
            ("tagget.concurrency", String(tagget.concurrency)),
            ("console.theme", console.theme),
            ("console.bell", String(console.bell)),
            ("console.operator", console.operatorName),
            ("console.canned_replies", "\(console.cannedReplies.count) ready answer(s)"),
            ("console.send_delay", DurationText.format(console.sendDelay)),
            ("console.after_send", console.afterSend.rawValue),
        ]
    }

    private static func formatted(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
    }
}
