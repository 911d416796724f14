import Foundation

/// Who runs a campaign: `host/pid/random`. A runner on the same host whose process is gone is known dead, so its
/// campaign can be resumed at once instead of after its lease runs out.
package enum RunnerIdentity {
    /// A token for this process.
    package static func newToken() -> String {
        "\(ProcessInfo.processInfo.hostName)/\(getpid())/\(UUID().uuidString.prefix(8))"
    }

    /// Whether `token` names a process on this host that no longer exists.
    package static func isDeadProcessOnThisHost(_ token: String) -> Bool {
        let parts = token.split(separator: "/")
        guard parts.count == 3, parts[0] == ProcessInfo.processInfo.hostName, let pid = Int32(parts[1]) else {
            return false
        }
        if pid == getpid() { return false }
        return kill(pid, 0) != 0 && errno == ESRCH
    }
}
