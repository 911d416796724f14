import Foundation
import Logging
import Synchronization

/// A swift-log handler that appends lines to a file: the console owns the terminal, so nothing may log there.
/// Every entry is one line: the message and metadata are escaped (``LogText``), so nothing they quote can break
/// the line or steer the terminal the log is read on. Callers never log secrets (they are `Secret`s, which print
/// masked).
package struct FileLogHandler: LogHandler {
    package var metadata: Logger.Metadata = [:]
    package var logLevel: Logger.Level = .info
    private let label: String
    private let sink: FileSink

    package init(label: String, sink: FileSink) {
        self.label = label
        self.sink = sink
    }

    package subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    package func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        let details =
            merged.isEmpty ? "" : " " + merged.sorted { $0.key < $1.key }.map { "\($0)=\($1)" }.joined(separator: " ")
        let line =
            "\(Date().formatted(.iso8601)) \(event.level) \(LogText.escaped(label)): "
            + LogText.escaped("\(event.message)\(details)") + "\n"
        sink.append(line)
    }

    /// A logger writing to `sink`.
    package static func logger(label: String, sink: FileSink, level: Logger.Level = .info) -> Logger {
        var logger = Logger(label: label) { FileLogHandler(label: $0, sink: sink) }
        logger.logLevel = level
        return logger
    }
}

/// An append-only log file shared by the handlers of one process.
package final class FileSink: Sendable {
    package let path: String
    private let handle: Mutex<FileHandle?>

    /// Opens (creating it and its folder, mode 600) the log at `path`.
    package init(path: String) {
        self.path = path
        let url = URL(fileURLWithPath: path)
        try? FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o700])
        if !FileManager.default.fileExists(atPath: path) {
            _ = FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
        }
        let opened = try? FileHandle(forWritingTo: url)
        _ = try? opened?.seekToEnd()
        handle = Mutex(opened)
    }

    /// The default log: `$XDG_STATE_HOME/switchboard/switchboard.log` (else `~/.local/state/...`).
    package static func standard(environment: [String: String]) -> FileSink {
        let base =
            environment["XDG_STATE_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.local/state"
        return FileSink(path: base + "/switchboard/switchboard.log")
    }

    package func append(_ line: String) {
        handle.withLock { $0?.write(Data(line.utf8)) }
    }
}
