import Foundation
import Testing

@testable import SwitchboardEngine
@testable import SwitchboardOutput

/// The file `prune --export` writes: private, never one that exists, and a batch the store did not remove is cut off.
@Suite struct PruneExportFileTests {
    private func text(_ id: String) -> RetainedText {
        RetainedText(
            transaction: InboxTransaction(
                id: id, tagg: "HELP", message: "hi", encoding: .utf8, taggKnown: true,
                receivedAt: Date(timeIntervalSince1970: 1_700_000_000), state: .replied),
            journal: [])
    }

    @Test func aWithdrawnBatchIsCutOffAndAnExistingFileRefused() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "switchboard-pruned-\(UUID().uuidString).jsonl"
        ).path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let file = try PruneExportFile.create(path: path, clock: ManualWallClock(), window: ReplyWindow())
        let first = RetentionBatch(texts: [text("a"), text("b")])
        let second = RetentionBatch(texts: [text("c")])
        try await file.write(first)
        try await file.write(second)
        try await file.withdraw(second)
        try await file.write(RetentionBatch(texts: [text("d")]))
        file.finish()
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.map { $0.firstMatch(of: /"id":"(\w)"/)?.1 } == ["a", "b", "d"])
        #expect(file.counts.texts == 3)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(throws: PruneExportError.exists(path)) {
            _ = try PruneExportFile.create(path: path, clock: ManualWallClock(), window: ReplyWindow())
        }
    }
}
