/// When a broadcast needs the operator to type its recipient count before it sends: above
/// ``typedCountThreshold`` recipients, on the console's review step and at `switchboard broadcast` on a terminal
/// (`--yes` skips it there).
package enum BroadcastConfirmation {
    package static let typedCountThreshold = 100

    /// Whether sending to `recipients` people needs the count typed in.
    package static func needsTypedCount(_ recipients: Int) -> Bool { recipients > typedCountThreshold }
}
