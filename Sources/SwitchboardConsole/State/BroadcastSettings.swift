import SwitchboardEngine

/// What the broadcast screen shows of the configuration: the default sender and the pace. The console has none
/// when Tagget is not configured, and `b` says what to set.
package struct BroadcastSettings: Sendable, Hashable {
    /// `tagget.sender`, the sender field's starting text.
    package var sender: String
    /// `tagget.rate`.
    package var rate: BroadcastRate
    /// `tagget.concurrency`.
    package var concurrency: Int
    /// A recipients file to suggest in the compose step (the demo's sample list), or nil.
    package var sampleFile: String?

    package init(sender: String, rate: BroadcastRate, concurrency: Int, sampleFile: String? = nil) {
        self.sender = sender
        self.rate = rate
        self.concurrency = concurrency
        self.sampleFile = sampleFile
    }

    /// What `b` says when broadcasts cannot be sent from this console.
    package static let notConfigured =
        "Broadcasts need Tagget: set tagget.id and tagget.token in the config "
        + "(or SWITCHBOARD_TAGGET_ID and SWITCHBOARD_TAGGET_TOKEN), then restart the console."
}

extension ConsoleState {
    /// Turns broadcasts on: `b` opens the screen, and the sender field starts from `tagget.sender`.
    package mutating func enableBroadcasts(_ settings: BroadcastSettings) {
        broadcastSettings = settings
        broadcast = BroadcastScreen(sender: settings.sender)
    }
}
