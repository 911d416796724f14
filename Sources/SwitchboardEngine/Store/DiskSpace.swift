import Foundation

/// Free space where a store's files live: SQLite reports a full disk as "disk I/O error" when it cannot even create
/// its shared-memory file, so the error is explained with what the disk says.
enum DiskSpace {
    /// Below this, a failure to open or write is put down to a full disk.
    static let nearlyFull: Int64 = 1 << 20

    /// Bytes free (to ordinary writers) on the filesystem holding the folder of `path`, nil if unknown.
    static func available(forFileAt path: String) -> Int64? {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var stats = statvfs()
        guard statvfs(folder, &stats) == 0 else { return nil }
        return Int64(stats.f_bavail) * Int64(stats.f_frsize)
    }

    /// "; the disk holding FOLDER is full (N KiB free): free some space" when it is nearly full, else "".
    static func fullDiskNote(forFileAt path: String) -> String {
        guard let free = available(forFileAt: path), free < nearlyFull else { return "" }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        return "; the disk holding \(folder) is full (\(free / 1024) KiB free): free some space and try again"
    }
}
