/// What became of the space removed rows took, after a step of giving it back.
package enum FreeSpace: Sendable, Hashable, CustomStringConvertible {
    /// SQLite with `auto_vacuum = INCREMENTAL`: `bytes` went back to the file system, `left` bytes of free pages
    /// remain in the file.
    case returned(bytes: Int, left: Int)
    /// SQLite created before Switchboard set `auto_vacuum` (`NONE`): the file keeps its `bytes` of free pages and
    /// reuses them for new rows; only a full `VACUUM` makes it smaller.
    case keptForReuse(bytes: Int)
    /// PostgreSQL: the server's own autovacuum reclaims the space; nothing to do from here.
    case managedByServer

    package var description: String {
        switch self {
        case .returned(let bytes, let left):
            "\(Self.size(bytes)) given back to the file system" + (left > 0 ? ", \(Self.size(left)) still free" : "")
        case .keptForReuse(let bytes):
            "\(Self.size(bytes)) of free pages kept in the file and reused for new rows: the store was created "
                + "before auto_vacuum was set, so it does not shrink (switchboard prune --vacuum rebuilds it once, "
                + "holding the store's write lock while it runs)"
        case .managedByServer: "PostgreSQL's autovacuum reclaims the space"
        }
    }

    /// `0 bytes`, `12 KiB`, `3.4 MiB`, `1.2 GiB`.
    package static func size(_ bytes: Int) -> String {
        let units = ["KiB", "MiB", "GiB", "TiB"]
        guard bytes >= 1024 else { return "\(bytes) bytes" }
        var value = Double(bytes) / 1024
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        let shown = value >= 10 ? String(Int(value.rounded())) : String((value * 10).rounded() / 10)
        return "\(shown) \(units[unit])"
    }
}
