/// The fake accounts the simulator plays, and its rules' knobs.
package struct SimulatorSettings: Sendable {
    package var taggaApikey = "sim-apikey"
    package var taggaPasskey = "sim-passkey"
    /// Taggs the fake account owns (compared case-insensitively).
    package var taggs = ["HELP", "PIZZA", "INFO"]
    /// How long after an inbound text a reply is still accepted.
    package var replyWindow: Duration = .seconds(30 * 60)
    /// Whether paid replies are accepted (code 18 otherwise).
    package var paymentRegistered = false
    /// Texters whose replies get code 1, as E.164 numbers.
    package var blockedRecipients: Set<String> = []
    /// Source addresses allowed to reply; nil allows every address (code 7 otherwise).
    package var allowedReplyAddresses: Set<String>?
    package var taggetID: Int64 = 1001
    package var taggetToken = "sim-token"

    package init() {}
}
