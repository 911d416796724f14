import Foundation
import SwitchboardEngine
import Synchronization

/// The file `prune --export` writes: a new file, readable by its owner only (0600), never one that exists (so no
/// earlier export is overwritten or mixed in, and no link planted at the path is followed). Each batch is written
/// in the lines of ``ExportLines`` and flushed to disk (`fsync`) before the store deletes it.
final class PruneExportFile: Sendable {
    /// What the file holds so far.
    struct Written: Sendable, Hashable {
        var texts = 0
        var recipients = 0
        var campaigns = 0
    }

    let path: String
    private let descriptor: Int32
    private let written = Mutex(Written())

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    /// Creates the file (and makes its directory entry durable); refuses one that exists.
    static func create(path: String) throws(PruneExportError) -> PruneExportFile {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            let code = errno
            if code == EEXIST { throw .exists(path) }
            throw .cannotCreate(path, String(cString: strerror(code)))
        }
        let directory = (path as NSString).deletingLastPathComponent
        let parent = open(directory.isEmpty ? "." : directory, O_RDONLY | O_CLOEXEC)
        if parent >= 0 {
            _ = fsync(parent)
            _ = close(parent)
        }
        return PruneExportFile(path: path, descriptor: descriptor)
    }

    /// What has been written.
    var counts: Written { written.withLock { $0 } }

    /// Writes a batch's texts (`now` and `window` give their status, as `export` does) and campaign rows, then
    /// flushes the file to disk; throws when either fails, so the batch is not deleted.
    func append(_ batch: RetentionBatch, now: Date, window: ReplyWindow) throws {
        var lines: [JSONValue] = batch.texts.map {
            ExportLines.text($0.transaction, journal: $0.journal, now: now, window: window)
        }
        lines += batch.recipients.map(ExportLines.campaignRecipient)
        lines += batch.campaigns.map(ExportLines.campaign)
        guard !lines.isEmpty else { return }
        try JSONLines.write(lines, asArray: false, to: writeAll) { $0 }
        guard fsync(descriptor) == 0 else { throw PruneExportError.cannotWrite(path, String(cString: strerror(errno))) }
        written.withLock { written in
            written.texts += batch.texts.count
            written.recipients += batch.recipients.count
            written.campaigns += batch.campaigns.count
        }
    }

    /// Closes the file.
    func finish() {
        _ = close(descriptor)
    }

    /// Writes every byte of `data`, however many calls it takes.
    private func writeAll(_ data: Data) throws {
        try data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < bytes.count {
                let count = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { throw PruneExportError.cannotWrite(path, String(cString: strerror(errno))) }
                offset += count
            }
        }
    }
}

/// Why the export file could not be used.
enum PruneExportError: Error, Equatable, CustomStringConvertible {
    case exists(String)
    case cannotCreate(String, String)
    case cannotWrite(String, String)

    var description: String {
        switch self {
        case .exists(let path):
            "--export \(path): the file exists; prune never overwrites or adds to an export: choose a new name"
        case .cannotCreate(let path, let reason): "--export \(path): cannot create it: \(reason)"
        case .cannotWrite(let path, let reason):
            "--export \(path): cannot write it: \(reason); the batch being written was not removed"
        }
    }
}
