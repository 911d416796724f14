import Foundation

/// Warns when a configuration file, which may hold credentials, can be read by users other than its owner.
enum FilePermissionCheck {
    /// A warning for `path` when its group or others may read it; nil when only the owner can, or when the mode
    /// cannot be read.
    static func warning(for path: String) -> String? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let permissions = (attributes[.posixPermissions] as? NSNumber)?.intValue
        else { return nil }
        guard permissions & 0o044 != 0 else { return nil }
        let mode = "0" + String(permissions & 0o777, radix: 8)
        let who = permissions & 0o004 != 0 ? "every user on this machine" : "its group"
        let quoted = path.contains(where: { $0 == " " || $0 == "'" }) ? "'\(path)'" : path
        return "\(path) can be read by \(who) (mode \(mode)) and may hold secrets; run: chmod 600 \(quoted)"
    }
}
