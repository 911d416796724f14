/// Where one recipient of a campaign is (docs/provider-contract.md §4): `queued → sending → sent | rejected | failed | unknown`.
package enum RecipientState: String, Sendable, Hashable, CaseIterable, Codable {
    /// Not sent yet (or waiting to be retried after a transient failure).
    case queued
    /// Claimed and committed as being sent: its POST may be on the wire. If the process dies now, the recipient
    /// becomes `unknown`, never sent again automatically.
    case sending
    /// Tagget accepted it (HTTP 200, status 200).
    case sent
    /// Tagget refused it (HTTP 400 or status 400): final, never retried automatically.
    case rejected
    /// Every allowed attempt failed before Tagget took it: nothing was sent; "retry failed" queues it again.
    case failed
    /// The request was written and no usable answer came back (or its process died mid-send): it may have been
    /// sent. Retried only on an explicit operator action.
    case unknown

    /// Whether the recipient's broadcast is over (nothing more happens without an operator).
    package var isFinal: Bool { self != .queued && self != .sending }
}
