import Foundation
import Testing

@testable import SwitchboardEngine
@testable import SwitchboardSimulator

/// Issue 7: `switchboard reply` on a full disk. The claim and the journal are written before anything is sent, so
/// when the store cannot write, nothing goes to Tagga and the operator is told why; with room again, the reply
/// goes out once.
@Suite(.enabled(if: !TmpfsMount.skipped, "SWITCHBOARD_SKIP_TMPFS=1"))
struct ReplyDiskFullTests {
    @Test func aReplyOnAFullDiskSendsNothingAndSaysWhy() async throws {
        let disk = try TmpfsMount.mount(size: "2m")
        defer { disk.unmount() }
        let directory = try SwitchboardBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let simulator = ProviderSimulator()
        let baseURL = try await simulator.start()
        let storePath = disk.directory.appendingPathComponent("store.sqlite").path
        let store = try SQLiteStore(path: storePath)
        _ = try await store.insertCallbacks([
            InboundCallback(
                transactionID: "t-1", tagg: "HELP", message: "Where is my order?", encoding: .utf8, taggKnown: true,
                receivedAt: Date(),
                raw: RawCallbackRequest(
                    method: "POST", target: "/tagga", contentType: nil, remoteAddress: nil, body: []))
        ])
        _ = simulator.tagga.openTransaction(
            id: "t-1", tagg: "HELP", from: "+18397536474", message: "Where is my order?")
        let config = directory.appendingPathComponent("config.toml")
        try SwitchboardBinary.writeConfig(
            SwitchboardBinary.simulatorConfig(storeURL: "sqlite:\(storePath)", baseURL: baseURL), to: config)
        let arguments = ["reply", "t-1", "--config", config.path, "--message", "On its way"]
        let filler = disk.directory.appendingPathComponent("filler")
        _ = try disk.fill(filler)

        // 1. The store is open elsewhere (a console, serve): reply opens it and reads, but its claim cannot be
        // committed.
        let unwritable = try await SwitchboardBinary.run(arguments)
        #expect(unwritable.status == 1, "\(unwritable.stdout)\(unwritable.stderr)")
        #expect(unwritable.stderr.contains("nothing was sent"), "\(unwritable.stderr)")
        #expect(unwritable.stderr.contains("disk is full"), "the operator is told why: \(unwritable.stderr)")
        #expect(simulator.requests(to: "/api/response/").isEmpty, "nothing is sent when nothing can be journaled")

        // 2. Nobody has it open (closing it checkpointed and removed the -wal and -shm files while there was room):
        // SQLite cannot even create its shared-memory file ("disk I/O error"); the error says the disk is full.
        try FileManager.default.removeItem(at: filler)
        try await store.close()
        _ = try disk.fill(filler)
        let unopenable = try await SwitchboardBinary.run(arguments)
        #expect(unopenable.status == 1, "\(unopenable.stdout)\(unopenable.stderr)")
        #expect(unopenable.stderr.contains("is full (0 KiB free)"), "the operator is told why: \(unopenable.stderr)")
        #expect(simulator.requests(to: "/api/response/").isEmpty)

        // 3. Room again: the reply goes out once.
        try FileManager.default.removeItem(at: filler)
        let replied = try await SwitchboardBinary.run(arguments)
        #expect(replied.status == 0, "\(replied.stdout)\(replied.stderr)")
        #expect(simulator.requests(to: "/api/response/").count == 1)
        #expect(simulator.tagga.acceptedReplies.map(\.message) == ["On its way"])
        await simulator.stop()

        let after = try SQLiteStore(path: storePath)
        let stored = try #require(try await after.transaction(id: "t-1"))
        #expect(stored.state == .replied)
        #expect(try await after.journal(transactionID: "t-1").map(\.returnCode) == [0])
        try await after.close()
    }
}
