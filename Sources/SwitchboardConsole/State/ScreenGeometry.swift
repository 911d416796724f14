/// Where the screen's parts go at the terminal's size, worked out once for each size: the state holds it
/// (``ConsoleState/geometry``, set at the start and on every resize). The update reads from it what keys need (is the
/// terminal big enough, how far a page moves, how many results rows show) and the views draw from the same facts,
/// so the two cannot disagree.
package struct ScreenGeometry: Sendable, Hashable {
    /// The smallest terminal the console draws in.
    package static let minimumWidth = 80
    package static let minimumHeight = 24

    package let width: Int
    package let height: Int
    /// The inbox: the list, the separator, the pane under it and the status bar.
    package let inbox: InboxGeometry
    /// The broadcast screen's rows.
    package let broadcast: BroadcastGeometry

    package init(width: Int, height: Int) {
        self.width = width
        self.height = height
        inbox = InboxGeometry(width: width, height: height)
        broadcast = BroadcastGeometry(width: width, height: height)
    }

    /// Smaller than the console draws in: a notice shows instead, and only `q` works.
    package var isTooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }
}
