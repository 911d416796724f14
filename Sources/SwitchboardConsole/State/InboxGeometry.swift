/// Where the inbox's parts go for a size: the header on top, the list, a separator (the flash line), the detail or
/// reply pane, and the status bar at the bottom.
package struct InboxGeometry: Sendable, Hashable {
    package var listTop: Int
    package var listHeight: Int
    package var separator: Int
    package var paneTop: Int
    package var paneHeight: Int
    package var statusRow: Int

    package init(width: Int, height: Int) {
        paneHeight = max(8, height / 3)
        statusRow = height - 1
        listTop = 2
        separator = height - 2 - paneHeight
        paneTop = separator + 1
        listHeight = max(1, separator - listTop)
    }

    /// How far Page Up and Page Down move the selection: the list's height, less a row that stays in view.
    package var listPage: Int { max(1, listHeight - 1) }
}
