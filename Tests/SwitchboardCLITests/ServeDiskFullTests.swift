import AsyncHTTPClient
import Foundation
import Testing

@testable import SwitchboardEngine

/// Issue 7: the receiver's disk fills up. The real `serve` binary with its SQLite store on a small tmpfs of the
/// test's own: a callback that cannot be stored gets 503, never 200; the process stays up; once there is room
/// again it answers 200 by itself, and every callback Tagga resends is stored once. None is lost.
@Suite(.enabled(if: !TmpfsMount.skipped, "SWITCHBOARD_SKIP_TMPFS=1"))
struct ServeDiskFullTests {
    /// A serve process on a store on `disk`, and the answers it gave.
    private final class Run {
        let disk: TmpfsMount
        let port: String
        let http: ProviderHTTPClient
        let client: HTTPClient
        /// Every answer, by transaction id, in order.
        var answers: [String: [Int]] = [:]
        var order: [String] = []

        init(disk: TmpfsMount, port: String, client: HTTPClient) {
            self.disk = disk
            self.port = port
            self.client = client
            http = ProviderHTTPClient(client: client)
        }

        /// A callback of about 16 KB (the text, and the raw request beside it, are stored).
        func post(_ id: String) async -> Int {
            let message = "Where is my order? " + String(repeating: "x", count: 16_000)
            let form = "transaction_id=\(id)&tagg=HELP&message=\(message)"
            let result = await http.post(
                url: "http://127.0.0.1:\(port)/tagga", contentType: "application/x-www-form-urlencoded",
                body: Array(form.utf8))
            let status: Int
            if case .response(let response) = result { status = response.status } else { status = 0 }
            record(id, status)
            return status
        }

        /// Several callbacks at once: they share a group commit.
        func postTogether(_ ids: [String]) async -> [String: Int] {
            let http = http
            let port = port
            let answers = await withTaskGroup(of: (String, Int).self) { group in
                for id in ids {
                    group.addTask {
                        let form = "transaction_id=\(id)&tagg=HELP&message=" + String(repeating: "y", count: 16_000)
                        let result = await http.post(
                            url: "http://127.0.0.1:\(port)/tagga", contentType: "application/x-www-form-urlencoded",
                            body: Array(form.utf8))
                        guard case .response(let response) = result else { return (id, 0) }
                        return (id, response.status)
                    }
                }
                return await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
            }
            for id in ids { record(id, answers[id] ?? 0) }
            return answers
        }

        /// `GET /healthz`'s status (0 when no answer came) and body.
        func health() async -> (status: Int, body: String) {
            let request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/healthz")
            guard let response = try? await client.execute(request, timeout: .seconds(30)),
                let body = try? await response.body.collect(upTo: 1 << 16)
            else { return (0, "") }
            return (Int(response.status.code), String(buffer: body))
        }

        /// Posts `id` until it gets 200, for at most `timeout`; returns whether it did.
        func postUntilAccepted(_ id: String, timeout: Duration = .seconds(30)) async throws -> Bool {
            let clock = ContinuousClock()
            let end = clock.now + timeout
            while clock.now < end {
                if await post(id) == 200 { return true }
                try await Task.sleep(for: .milliseconds(200))
            }
            return false
        }

        private func record(_ id: String, _ status: Int) {
            if answers[id] == nil { order.append(id) }
            answers[id, default: []].append(status)
        }

        func count(_ status: Int) -> Int { answers.values.reduce(0) { $0 + $1.filter { $0 == status }.count } }

        /// The ids whose last answer was 503: Tagga would send them again.
        var refused: [String] { order.filter { answers[$0]?.last == 503 } }

        /// The store's files on the tmpfs, and their sizes.
        func storeFiles() -> String {
            ["store.sqlite", "store.sqlite-wal", "store.sqlite-shm"].map { name in
                let path = disk.directory.appendingPathComponent(name).path
                let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
                return "\(name) \(size / 1024) KiB"
            }.joined(separator: ", ")
        }
    }

    @Test func aReceiverOnAFullDiskAnswers503AndRecoversWhenThereIsRoomAgain() async throws {
        let disk = try TmpfsMount.mount(size: "4m")
        defer { disk.unmount() }
        let directory = try SwitchboardBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let storePath = disk.directory.appendingPathComponent("store.sqlite").path
        let config = directory.appendingPathComponent("config.toml")
        try SwitchboardBinary.writeConfig(
            "[store]\nurl = \"sqlite:\(storePath)\"\n[tagga]\ntaggs = [\"HELP\"]\n", to: config)
        let log = directory.appendingPathComponent("serve.log")
        let (receiver, port) = try await SwitchboardBinary.startReceiver(config: config, log: log)
        defer {
            if receiver.isRunning {
                receiver.terminate()
                receiver.waitUntilExit()
            }
        }
        let client = ProviderHTTPClient.makeClient(readTimeout: .seconds(30))
        let run = Run(disk: disk, port: port, client: client)
        var notes: [String] = []

        // 1. Room to spare: stored.
        for index in 1...3 { #expect(await run.post("before-\(index)") == 200) }

        // 2. A file beside the store takes every byte left: one by one, then eight at once (one group commit that
        // fails as a whole), every callback gets 503 and the process stays up.
        let filler = disk.directory.appendingPathComponent("filler")
        let filled = try disk.fill(filler)
        #expect(disk.freeBytes == 0)
        notes.append("filler \(filled / 1024) KiB; \(run.storeFiles())")
        for index in 1...5 {
            let status = await run.post("full-\(index)")
            #expect(status == 503, "full-\(index) on a full disk")
        }
        let together = await run.postTogether((1...8).map { "together-\($0)" })
        #expect(together.values.allSatisfy { $0 == 503 }, "\(together)")
        #expect(receiver.isRunning, "serve stays up on a full disk")
        #expect(SwitchboardBinary.contents(log).contains("disk is full"), "the log says why")
        let sick = await run.health()
        #expect(sick.status == 503 && sick.body.contains("disk is full"), "/healthz: \(sick)")

        // 3. The filler is deleted: 200 again without a restart, and Tagga's resends are stored.
        try FileManager.default.removeItem(at: filler)
        #expect(try await run.postUntilAccepted("freed-1"), "200 again once the disk has room")
        for id in run.refused { #expect(await run.post(id) == 200, "resent \(id)") }
        #expect(run.refused.isEmpty)
        #expect(await run.health().status == 200)

        // 4. The store's own growth (the -wal file: no checkpoint runs below 1000 pages) fills the disk: 503 again.
        var consecutiveRefusals = 0
        var grown = 0
        while consecutiveRefusals < 3 && grown < 400 {
            grown += 1
            let status = await run.post("grow-\(grown)")
            #expect([200, 503].contains(status), "grow-\(grown): \(status)")
            consecutiveRefusals = status == 503 ? consecutiveRefusals + 1 : 0
        }
        #expect(consecutiveRefusals == 3, "the store filled the disk within \(grown) callbacks")
        #expect(receiver.isRunning)
        notes.append("full after \(grown - 3) callbacks of its own: \(run.storeFiles())")

        // 5. The disk grows (remount, bigger): 200 again, and the resends are stored.
        try disk.resize(to: "16m")
        #expect(try await run.postUntilAccepted("grown-1"), "200 again once the disk is bigger")
        for id in run.refused { #expect(await run.post(id) == 200, "resent \(id)") }
        #expect(run.refused.isEmpty)
        notes.append("after: \(run.storeFiles())")
        // Had a 503'd callback been stored after all, its resend would have been a duplicate.
        let metrics = try await client.execute(
            HTTPClientRequest(url: "http://127.0.0.1:\(port)/metrics"), timeout: .seconds(30))
        let exposition = String(buffer: try await metrics.body.collect(upTo: 1 << 20))
        let duplicates =
            exposition.firstMatch(of: /switchboard_callbacks_duplicate_total (\d+)/).map { Int($0.1) ?? -1 } ?? 0
        #expect(duplicates == 0, "no callback answered 503 had been stored")
        try await client.shutdown()

        // serve stops cleanly.
        receiver.terminate()
        await receiver.exited()
        #expect(receiver.terminationStatus == 0, "\(SwitchboardBinary.contents(log).suffix(2000))")

        // Every callback ever answered 200 is stored once and whole; a 503 stored nothing (each was resent and
        // acknowledged, so the store holds every id posted).
        let store = try SQLiteStore(path: storePath)
        let stored = try await store.transactions(TransactionQuery())
        let storedIDs = Dictionary(grouping: stored, by: \.id)
        for id in run.order {
            #expect(storedIDs[id]?.count == 1, "\(id) (answers \(run.answers[id] ?? [])) is stored once")
            #expect(try await store.rawCallback(transactionID: id) != nil, "\(id) is stored whole")
        }
        #expect(stored.count == run.order.count, "nothing stored that was never acknowledged")
        try await store.close()
        let summary =
            "disk full: \(run.order.count) callbacks, \(run.count(200)) answered 200, \(run.count(503)) answered 503 "
            + "(all resent and stored), \(stored.count) stored; " + notes.joined(separator: "; ")
        print(summary)
    }
}
