import Foundation
import SwitchboardEngine

/// Reads a recipients file for the broadcast screen, off the UI thread: `~/` and relative paths, UTF-8 or else
/// Windows-1252, and what the list holds. Every failure is a sentence for the operator.
enum RecipientsFileReader {
    /// Bigger files are refused (a million numbers fit in a fraction of this).
    static let maximumBytes = 64 << 20

    static func read(_ path: String) -> RecipientsFileLoad {
        let full = expand(path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory) else {
            return .failed(path: path, reason: "No file at \(path): check the path (relative to \(cwd)).")
        }
        guard !isDirectory.boolValue else {
            return .failed(path: path, reason: "\(path) is a folder: give the path of a .csv or .txt file in it.")
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: full)[.size] as? Int) ?? 0
        guard size <= maximumBytes else {
            return .failed(
                path: path,
                reason: "\(path) is \(size >> 20) MiB: the console reads lists up to \(maximumBytes >> 20) MiB "
                    + "(switchboard broadcast --recipients reads bigger ones).")
        }
        guard let data = FileManager.default.contents(atPath: full) else {
            return .failed(path: path, reason: "\(path) cannot be read: check its permissions.")
        }
        let (content, encoding) = Windows1252.decodeText(Array(data))
        let name = (full as NSString).lastPathComponent
        let list = RecipientImport.file(named: name, content: content, detailLimit: 1)
        return .loaded(
            RecipientsFile(
                path: path, name: name, content: content, readAsWindows1252: encoding == .windows1252,
                summary: RecipientSummary(list)))
    }

    /// `~/x` under the home folder; a relative path from the working directory.
    private static func expand(_ path: String) -> String {
        if path == "~" || path.hasPrefix("~/") {
            let home = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
            return home + path.dropFirst()
        }
        return path.hasPrefix("/") ? path : cwd + "/" + path
    }

    private static var cwd: String { FileManager.default.currentDirectoryPath }
}
