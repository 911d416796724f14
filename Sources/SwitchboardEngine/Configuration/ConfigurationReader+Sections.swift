import Foundation

extension ConfigurationReader {
    /// Reads every known key over `defaults`, reporting each invalid value and keeping the default in its place.
    mutating func read(over defaults: SwitchboardConfiguration) -> SwitchboardConfiguration {
        var configuration = defaults
        readStore(into: &configuration.store)
        readReceiver(into: &configuration.receiver)
        readTagga(into: &configuration.tagga)
        readTagget(into: &configuration.tagget)
        readConsole(into: &configuration.console)
        readRetention(into: &configuration.store, replyWindow: configuration.tagga.replyWindow)
        return configuration
    }

    /// `store.retention`, read after `[tagga]`: it must be longer than the reply window, so that no text can be
    /// removed while it may still be answered.
    private mutating func readRetention(into store: inout SwitchboardConfiguration.Store, replyWindow: Duration) {
        guard let retention = duration("store.retention") else { return }
        guard retention > replyWindow else {
            let window = DurationText.format(replyWindow)
            report(
                "store.retention",
                "\"\(DurationText.format(retention))\" is not longer than the reply window (\(window)): a text must "
                    + "be kept at least until it can no longer be answered; write a longer one, like \"90d\", or "
                    + "remove the key to keep everything")
            return
        }
        store.retention = retention
        markSet("store.retention")
    }

    private mutating func readStore(into store: inout SwitchboardConfiguration.Store) {
        if let text = string("store.url") {
            do throws(StoreLocationError) {
                store.location = try StoreLocation(parsing: text)
                markSet("store.url")
            } catch {
                report("store.url", error.description)
            }
        }
    }

    private mutating func readReceiver(into receiver: inout SwitchboardConfiguration.Receiver) {
        if let text = string("receiver.listen") {
            do throws(ListenAddressError) {
                receiver.listen = try ListenAddress(parsing: text)
                markSet("receiver.listen")
            } catch {
                report("receiver.listen", error.description)
            }
        }
        if let secret = string("receiver.secret") {
            if secret.allSatisfy(Self.isURLSegmentCharacter) {
                receiver.secret = Secret(secret)
                markSet("receiver.secret")
            } else {
                report(
                    "receiver.secret",
                    "the secret is the last segment of the callback URL (/tagga/<secret>), so it may only contain "
                        + "letters, digits and - . _ ~; choose another"
                )
            }
        }
        if let texts = strings("receiver.allowed_networks") {
            var blocks: [CIDRBlock] = []
            for (position, text) in texts.enumerated() {
                guard let text else { continue }
                do throws(CIDRBlockError) {
                    blocks.append(try CIDRBlock(parsing: text))
                } catch {
                    report("receiver.allowed_networks", "item \(position + 1): \(error.description)")
                }
            }
            if blocks.count == texts.count {
                receiver.allowedNetworks = blocks
                markSet("receiver.allowed_networks")
            }
        }
    }

    private mutating func readTagga(into tagga: inout SwitchboardConfiguration.Tagga) {
        if let url = baseURL("tagga.base_url") { tagga.baseURL = url }
        if let apiKey = string("tagga.apikey") {
            tagga.apiKey = Secret(apiKey)
            markSet("tagga.apikey")
        }
        if let passKey = string("tagga.passkey") {
            tagga.passKey = Secret(passKey)
            markSet("tagga.passkey")
        }
        if let taggs = strings("tagga.taggs"), validateTaggs(taggs) {
            tagga.taggs = taggs.compactMap { $0 }
            markSet("tagga.taggs")
        }
        let window = duration("tagga.reply_window")
        if let window {
            if window > .zero {
                tagga.replyWindow = window
                markSet("tagga.reply_window")
            } else {
                report("tagga.reply_window", "the reply window must be longer than zero, like \"30m\"")
            }
        }
        if let margin = duration("tagga.safety_margin") {
            if margin >= tagga.replyWindow {
                let shown = DurationText.format(tagga.replyWindow)
                report("tagga.safety_margin", "must be shorter than the reply window (\(shown)), like \"10s\"")
            } else {
                tagga.safetyMargin = margin
                markSet("tagga.safety_margin")
            }
        }
        if let paid = bool("tagga.payment_registered") {
            tagga.paymentRegistered = paid
            markSet("tagga.payment_registered")
        }
    }

    /// Checks each tagg (1–32 characters, no control characters), warning about duplicates.
    private mutating func validateTaggs(_ taggs: [String?]) -> Bool {
        var valid = !taggs.contains(nil)
        var seen: Set<String> = []
        for (position, tagg) in taggs.enumerated() {
            guard let tagg else { continue }
            let item = "item \(position + 1)"
            if tagg.isEmpty {
                report("tagga.taggs", "\(item): a tagg cannot be empty; remove it or write the keyword")
                valid = false
            } else if tagg.count > 32 {
                report("tagga.taggs", "\(item): \"\(tagg)\" has \(tagg.count) characters; a tagg has at most 32")
                valid = false
            } else if tagg.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                report("tagga.taggs", "\(item): a tagg cannot contain control characters (tabs, newlines)")
                valid = false
            } else if !seen.insert(tagg.lowercased()).inserted {
                warn("tagga.taggs", "\"\(tagg)\" is listed twice (taggs are compared ignoring case)")
            }
        }
        return valid
    }

    private mutating func readTagget(into tagget: inout SwitchboardConfiguration.Tagget) {
        if let url = baseURL("tagget.base_url") { tagget.baseURL = url }
        if let id = integer("tagget.id") {
            if id > 0 {
                tagget.id = id
                markSet("tagget.id")
            } else {
                report("tagget.id", "the account id is a positive whole number; copy it from your Tagget account")
            }
        }
        if let token = string("tagget.token") {
            tagget.token = Secret(token)
            markSet("tagget.token")
        }
        if let text = string("tagget.sender") {
            do throws(SenderNameError) {
                tagget.sender = try SenderName(validating: text)
                markSet("tagget.sender")
            } catch {
                report("tagget.sender", error.description)
            }
        }
        if let rate = number("tagget.rate") {
            if rate > 0, rate.isFinite {
                tagget.rate = rate
                markSet("tagget.rate")
            } else {
                report("tagget.rate", "the rate is requests per second and must be more than zero, like 10")
            }
        }
        if let concurrency = integer("tagget.concurrency") {
            if (1...64).contains(concurrency) {
                tagget.concurrency = concurrency
                markSet("tagget.concurrency")
            } else {
                report("tagget.concurrency", "\(concurrency) is out of range; use 1 to 64 requests at once, like 4")
            }
        }
    }

    private mutating func readConsole(into console: inout SwitchboardConfiguration.Console) {
        if let theme = string("console.theme") {
            if theme.trimmingCharacters(in: .whitespaces).isEmpty {
                report("console.theme", "the theme is empty; name one from themes/ (like \"default\") or give a path")
            } else {
                console.theme = theme
                markSet("console.theme")
            }
        }
        if let bell = bool("console.bell") {
            console.bell = bell
            markSet("console.bell")
        }
        if let name = string("console.operator") {
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            if trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                report("console.operator", "the operator name cannot contain control characters (tabs, newlines)")
            } else if !trimmed.isEmpty {
                console.operatorName = trimmed
                markSet("console.operator")
            }
        }
        if let delay = duration("console.send_delay") {
            if delay < .zero || delay > .seconds(10) {
                report(
                    "console.send_delay",
                    "\(DurationText.format(delay)) is out of range: write 0s to 10s (0s sends at once)")
            } else {
                console.sendDelay = delay
                markSet("console.send_delay")
            }
        }
        if let written = string("console.after_send") {
            if let afterSend = AfterSend(rawValue: written.lowercased()) {
                console.afterSend = afterSend
                markSet("console.after_send")
            } else {
                report("console.after_send", "\"\(written)\" is not a choice: write \"next\" or \"stay\"")
            }
        }
        if let replies = cannedReplies("console.canned_replies") {
            console.cannedReplies = replies
            markSet("console.canned_replies")
        }
    }

    /// An `http://` or `https://` URL with a host, without a trailing slash.
    private mutating func baseURL(_ key: String) -> URL? {
        guard let written = string(key) else { return nil }
        var text = written
        while text.hasSuffix("/") { text.removeLast() }
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
            let host = url.host, !host.isEmpty
        else {
            let example = "write it like \"https://example.com\""
            report(key, "\"\(written)\" is not an http:// or https:// URL with a host; \(example)")
            return nil
        }
        markSet(key)
        return url
    }

    private static func isURLSegmentCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || "-._~".contains(character))
    }
}
