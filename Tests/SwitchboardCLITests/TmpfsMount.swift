import Foundation
import Testing

/// A small tmpfs of the test's own (`mount -t tmpfs -o size=…`), for filling a disk up. Needs root (`.ci/run`
/// runs as root); `SWITCHBOARD_SKIP_TMPFS=1` leaves the tests that need one out.
struct TmpfsMount {
    let directory: URL

    /// Whether the tests that need a tmpfs are left out.
    static var skipped: Bool { ProcessInfo.processInfo.environment["SWITCHBOARD_SKIP_TMPFS"] == "1" }

    /// Mounts a tmpfs of `size` (`4m`, `512k`) on a fresh directory.
    static func mount(size: String) throws -> TmpfsMount {
        let directory = try SwitchboardBinary.temporaryDirectory().appendingPathComponent("tmpfs")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let result = try run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(size),mode=0700", "tmpfs", directory.path])
        guard result.status == 0 else {
            throw TmpfsError(
                "mount -t tmpfs -o size=\(size) failed (\(result.output.trimmingCharacters(in: .whitespacesAndNewlines)))."
                    + " The disk-full tests need root (.ci/run runs as root); set SWITCHBOARD_SKIP_TMPFS=1 to leave"
                    + " them out.")
        }
        return TmpfsMount(directory: directory)
    }

    /// Changes its size in place (`mount -o remount,size=…`): the files stay.
    func resize(to size: String) throws {
        let result = try Self.run("/bin/mount", ["-o", "remount,size=\(size)", directory.path])
        guard result.status == 0 else { throw TmpfsError("remount,size=\(size) failed: \(result.output)") }
    }

    /// Unmounts it (lazily if something still holds it open) and removes the directory.
    func unmount() {
        if (try? Self.run("/bin/umount", [directory.path]))?.status != 0 {
            _ = try? Self.run("/bin/umount", ["-l", directory.path])
        }
        try? FileManager.default.removeItem(at: directory.deletingLastPathComponent())
    }

    /// Bytes still free on it.
    var freeBytes: Int64 {
        var stats = statvfs()
        guard statvfs(directory.path, &stats) == 0 else { return -1 }
        return Int64(stats.f_bavail) * Int64(stats.f_frsize)
    }

    /// Writes zeros into `file` until the disk has no room left (ENOSPC), and returns how many bytes it took.
    func fill(_ file: URL) throws -> Int64 {
        let descriptor = open(file.path, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        guard descriptor >= 0 else { throw TmpfsError("cannot create \(file.path): errno \(errno)") }
        defer { close(descriptor) }
        var written: Int64 = 0
        // Big chunks, then smaller ones, so the last few bytes are taken too.
        for chunk in [1 << 16, 1 << 12, 1 << 9, 1] {
            let zeros = [UInt8](repeating: 0, count: chunk)
            while true {
                let count = zeros.withUnsafeBytes { write(descriptor, $0.baseAddress, chunk) }
                if count > 0 {
                    written += Int64(count)
                    continue
                }
                if count < 0 && errno == EINTR { continue }
                guard count == 0 || (count < 0 && errno == ENOSPC) else {
                    throw TmpfsError("writing \(file.path) failed: errno \(errno)")
                }
                break
            }
        }
        return written
    }

    private static func run(_ tool: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let result = try SwitchboardBinary.runBriefly(URL(fileURLWithPath: tool), arguments)
        return (result.status, result.stdout + result.stderr)
    }
}

/// Why a tmpfs could not be set up.
struct TmpfsError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) { self.description = description }
}
