import Foundation

/// The effective configuration: the TOML file's values over the defaults, with the environment's secrets on top.
///
/// Every value here has been validated; ``ConfigurationLoader`` builds it. `SwitchboardConfiguration()` is the
/// configuration of a missing file.
package struct SwitchboardConfiguration: Sendable, Hashable {
    package var store = Store()
    package var receiver = Receiver()
    package var tagga = Tagga()
    package var tagget = Tagget()
    package var console = Console()

    package init() {}

    /// `[store]`
    package struct Store: Sendable, Hashable {
        /// `store.url`: `sqlite:PATH` (default `sqlite:switchboard.sqlite`) or a `postgres://` URL.
        package var location = StoreLocation.sqlite(path: "switchboard.sqlite")
        /// `store.retention`: how long closed texts and finished broadcasts are kept (`serve` removes older ones
        /// every hour); nil, the default, keeps everything. Always longer than `tagga.reply_window`.
        package var retention: Duration?

        package init() {}
    }

    /// `[receiver]`: the HTTP callback server.
    package struct Receiver: Sendable, Hashable {
        /// `receiver.listen`, default `127.0.0.1:8080`.
        package var listen = ListenAddress(host: "127.0.0.1", port: 8_080)
        /// `receiver.secret`: when set, callbacks must come to `/tagga/<secret>`.
        package var secret = Secret.empty
        /// `receiver.allowed_networks`: when not empty, only these sources may post callbacks.
        package var allowedNetworks: [CIDRBlock] = []

        package init() {}

        /// Whether a callback from `address` passes `allowed_networks` (an empty list lets everyone in).
        package func allows(address: String) -> Bool {
            allowedNetworks.isEmpty || allowedNetworks.contains { $0.contains(address: address) }
        }
    }

    /// `[tagga]`: the reply provider.
    package struct Tagga: Sendable, Hashable {
        /// `tagga.base_url`, default `http://tagga.com`; replies go to `base_url + "/api/response/"`.
        package var baseURL = URL(string: "http://tagga.com")!
        /// `tagga.apikey` (or `$SWITCHBOARD_TAGGA_APIKEY`).
        package var apiKey = Secret.empty
        /// `tagga.passkey` (or `$SWITCHBOARD_TAGGA_PASSKEY`).
        package var passKey = Secret.empty
        /// `tagga.taggs`: the taggs this operator answers, as written. Compare them case-insensitively.
        package var taggs: [String] = []
        /// `tagga.reply_window`, default 30 minutes from our receipt time.
        package var replyWindow: Duration = .seconds(30 * 60)
        /// `tagga.safety_margin`, default 10 seconds: a reply with less time left is refused locally.
        package var safetyMargin: Duration = .seconds(10)
        /// `tagga.payment_registered`, default false: whether `paid=TRUE` replies may be sent.
        package var paymentRegistered = false

        package init() {}

        /// Whether `tagg` is one of the configured taggs, ignoring case.
        package func isConfigured(tagg: String) -> Bool {
            taggs.contains { $0.caseInsensitiveCompare(tagg) == .orderedSame }
        }
    }

    /// `[tagget]`: the send provider.
    package struct Tagget: Sendable, Hashable {
        /// `tagget.base_url`, default `https://api.tagget.io`; sends go to `base_url + "/engage/send_sms"`.
        package var baseURL = URL(string: "https://api.tagget.io")!
        /// `tagget.id` (or `$SWITCHBOARD_TAGGET_ID`); needed only once something is sent.
        package var id: Int?
        /// `tagget.token` (or `$SWITCHBOARD_TAGGET_TOKEN`).
        package var token = Secret.empty
        /// `tagget.sender`, default `Tagget`.
        package var sender = try! SenderName(validating: "Tagget")
        /// `tagget.rate`: requests per second, default 10.
        package var rate: Double = 10
        /// `tagget.concurrency`: requests in flight at once, default 4 (1…64).
        package var concurrency = 4

        package init() {}
    }

    /// `[console]`
    package struct Console: Sendable, Hashable {
        /// `console.theme`: a theme name from `themes/`, or a path to a theme file. Default `default`.
        package var theme = "default"
        /// `console.bell`: ring the terminal bell when a text arrives. Default true.
        package var bell = true
        /// `console.operator`: the name other operators see. Defaults to `$USER`.
        package var operatorName = "operator"
        /// `console.canned_replies`: ready answers, each written `"TAGG: text"` (`"*: text"` for every tagg) or as a
        /// table with `name`, `text` and `taggs`; the text may use variables, prompts and a cursor marker.
        package var cannedReplies: [CannedReply] = []
        /// `console.send_delay`: how long `Enter` waits before a reply goes out, so `u` can take it back (0–10 s;
        /// 0 sends at once). Default 5 s.
        package var sendDelay: Duration = .zero
        /// `console.after_send`: where the selection goes once a reply is sent. Default `next`.
        package var afterSend: AfterSend = .next

        package init() {}
    }
}

extension SwitchboardConfiguration {
    /// The defaults, with the operator name taken from `$USER` (or `$LOGNAME`).
    package static func defaults(environment: [String: String]) -> SwitchboardConfiguration {
        var configuration = SwitchboardConfiguration()
        if let user = environment["USER"] ?? environment["LOGNAME"], !user.isEmpty {
            configuration.console.operatorName = user
        }
        return configuration
    }

    /// The keys a reply needs that are not set, e.g. `["tagga.apikey"]`; empty when replies can be sent.
    package var missingForReplies: [String] {
        var missing: [String] = []
        if tagga.apiKey.isEmpty { missing.append("tagga.apikey") }
        if tagga.passKey.isEmpty { missing.append("tagga.passkey") }
        return missing
    }

    /// The keys a send needs that are not set, e.g. `["tagget.id", "tagget.token"]`; empty when sends can go.
    package var missingForSends: [String] {
        var missing: [String] = []
        if tagget.id == nil { missing.append("tagget.id") }
        if tagget.token.isEmpty { missing.append("tagget.token") }
        return missing
    }
}
