/// `console.after_send`: where the inbox's selection goes once a reply is sent.
package enum AfterSend: String, Sendable, Hashable, CaseIterable {
    /// The most urgent pending text nobody else is writing to.
    case next
    /// The text just answered.
    case stay
}
