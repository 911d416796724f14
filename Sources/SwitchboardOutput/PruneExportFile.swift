import Foundation
import SwitchboardEngine
import Synchronization

/// The file `prune --export` writes: a new file, readable by its owner only (0600), never one that exists (so no
/// earlier export is overwritten or mixed in, and no link planted at the path is followed). Each batch is written
/// in the lines of ``ExportLines`` and flushed to disk (`fsync`) before the store deletes it; a batch the store then
/// did not remove is cut off again, so the file holds exactly what was removed.
package final class PruneExportFile: RetentionExporter {
    /// What the file holds so far.
    package struct Written: Sendable, Hashable {
        package var texts = 0
        package var recipients = 0
        package var campaigns = 0
    }

    private struct State {
        var written = Written()
        /// Where the last batch began, and what it added, to withdraw it.
        var last: (offset: off_t, added: Written)?
    }

    package let path: String
    private let descriptor: Int32
    private let clock: any WallClock
    private let window: ReplyWindow
    private let state = Mutex(State())

    private init(path: String, descriptor: Int32, clock: any WallClock, window: ReplyWindow) {
        self.path = path
        self.descriptor = descriptor
        self.clock = clock
        self.window = window
    }

    /// Creates the file (and makes its directory entry durable); refuses one that exists. Texts are written with
    /// their status at the time of writing, as `export` writes them (`clock`, `window`).
    package static func create(path: String, clock: any WallClock, window: ReplyWindow) throws(PruneExportError)
        -> PruneExportFile
    {
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
        return PruneExportFile(path: path, descriptor: descriptor, clock: clock, window: window)
    }

    /// What has been written.
    package var counts: Written { state.withLock { $0.written } }

    /// Writes a batch's texts and campaign rows, then flushes the file to disk; throws when either fails, so the
    /// batch is not deleted.
    package func write(_ batch: RetentionBatch) async throws {
        let now = clock.now()
        var lines: [JSONValue] = batch.texts.map {
            ExportLines.text($0.transaction, journal: $0.journal, now: now, window: window)
        }
        lines += batch.recipients.map(ExportLines.campaignRecipient)
        lines += batch.campaigns.map(ExportLines.campaign)
        let offset = lseek(descriptor, 0, SEEK_CUR)
        try JSONLines.write(lines, asArray: false, to: writeAll) { $0 }
        try flush()
        let added = Written(
            texts: batch.texts.count, recipients: batch.recipients.count, campaigns: batch.campaigns.count)
        state.withLock { state in
            state.written.texts += added.texts
            state.written.recipients += added.recipients
            state.written.campaigns += added.campaigns
            state.last = (offset, added)
        }
    }

    /// Cuts the last batch off again: the store did not remove it.
    package func withdraw(_ batch: RetentionBatch) async throws {
        guard let last = state.withLock({ $0.last }) else { return }
        guard ftruncate(descriptor, last.offset) == 0, lseek(descriptor, last.offset, SEEK_SET) == last.offset else {
            throw PruneExportError.cannotWrite(path, String(cString: strerror(errno)))
        }
        try flush()
        state.withLock { state in
            state.written.texts -= last.added.texts
            state.written.recipients -= last.added.recipients
            state.written.campaigns -= last.added.campaigns
            state.last = nil
        }
    }

    /// Closes the file.
    package func finish() {
        _ = close(descriptor)
    }

    private func flush() throws {
        guard fsync(descriptor) == 0 else { throw PruneExportError.cannotWrite(path, String(cString: strerror(errno))) }
    }

    /// Writes every byte of `data`, however many calls it takes.
    private func writeAll(_ data: Data) throws {
        try data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < bytes.count {
                let count = systemWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { throw PruneExportError.cannotWrite(path, String(cString: strerror(errno))) }
                offset += count
            }
        }
    }
}

/// `write(2)`, out of reach of ``PruneExportFile/write(_:)``'s name.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
