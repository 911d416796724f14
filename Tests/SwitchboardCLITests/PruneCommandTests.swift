import Foundation
import Testing

@testable import SwitchboardEngine

/// `switchboard prune`, the real binary on a real SQLite file: a dry run, an export that holds exactly what went,
/// and the refusals (a date that is not one, an export file that exists).
@Suite struct PruneCommandTests {
    static let day: TimeInterval = 86_400

    /// A store with two old closed texts (one answered, with its journal; one pending long expired), an open one, a
    /// recent expired one, and an old finished broadcast of three recipients. Returns the configuration file.
    private func seed(_ directory: URL) async throws -> URL {
        let path = directory.appendingPathComponent("store.sqlite").path
        let store = try SQLiteStore(path: path)
        let now = Date()
        let old = now.addingTimeInterval(-100 * Self.day)
        func callback(_ id: String, at date: Date) -> InboundCallback {
            InboundCallback(
                transactionID: id, tagg: "HELP", message: "Where is my order? \u{1B}[2J", encoding: .utf8,
                taggKnown: true, receivedAt: date,
                raw: RawCallbackRequest(
                    method: "POST", target: "/tagga", contentType: nil, remoteAddress: nil, body: Array("x".utf8)))
        }
        _ = try await store.insertCallbacks([
            callback("old-replied", at: old), callback("old-pending", at: old.addingTimeInterval(1)),
            callback("recent", at: now.addingTimeInterval(-2 * 3600)),
            callback("open", at: now.addingTimeInterval(-60)),
        ])
        guard
            case .claimed(let claim) = try await store.claim(
                transactionID: "old-replied", operatorName: "ana", now: old, lease: .seconds(180))
        else { throw SeedError() }
        let attempt = try await store.beginAttempt(
            NewReplyAttempt(
                transactionID: "old-replied", token: claim.token, operatorName: "ana", message: "On its way",
                paid: false, requestBody: "apikey=***", startedAt: old, leaseUntil: old.addingTimeInterval(180)))
        let answer = TaggaResponse(transactionID: "old-replied", returnCode: .success, message: "Success")
        try await store.finishAttempt(id: attempt, outcome: .answered(answer, rawBody: answer.xml), at: old)
        try await store.release(
            transactionID: "old-replied", token: claim.token, resolution: .replied, replyMessage: "On its way", at: old)
        try await store.createCampaign(
            Campaign(
                id: "c-old", createdAt: old, operatorName: "ana", sender: "Shop", body: "Sale", rate: .perSecond(2.5),
                concurrency: 1, state: .finished, source: "list.csv", recipientCount: 3),
            recipients: (0..<3).map {
                CampaignRecipient(
                    campaignID: "c-old", position: $0, phone: "+1555000\($0)", line: $0 + 1, body: "Sale",
                    updatedAt: old)
            })
        try await store.close()
        let config = directory.appendingPathComponent("config.toml")
        try SwitchboardBinary.writeConfig("[store]\nurl = \"sqlite:\(path)\"\n", to: config)
        return config
    }

    struct SeedError: Error {}

    /// The day 90 days ago, as `--before` takes it.
    private var ninetyDaysAgo: String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.locale = Locale(identifier: "en_US_POSIX")
        return formatter.string(from: Date().addingTimeInterval(-90 * Self.day))
    }

    private func storeIDs(_ directory: URL) async throws -> Set<String> {
        let store = try SQLiteStore(path: directory.appendingPathComponent("store.sqlite").path)
        let ids = Set(try await store.transactions(.all).map(\.id))
        try await store.close()
        return ids
    }

    private func object(_ text: some StringProtocol) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// The object as JSON text with sorted keys, to compare two objects read from JSON.
    private func canonical(_ object: [String: Any]) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    @Test func aDryRunCountsAndRemovesNothing() async throws {
        let directory = try SwitchboardBinary.temporaryDirectory()
        let config = try await seed(directory)
        let result = try await SwitchboardBinary.run([
            "prune", "--before", ninetyDaysAgo, "--dry-run", "--json", "--config", config.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let summary = try object(result.stdout)
        #expect(summary["dry_run"] as? Bool == true)
        let counts = try #require(summary["would_remove"] as? [String: Int])
        #expect(
            counts == [
                "texts": 2, "attempts": 1, "raw_requests": 2, "soft_locks": 0, "campaigns": 1, "recipients": 3,
            ])
        #expect(try await storeIDs(directory) == ["old-replied", "old-pending", "recent", "open"])

        let text = try await SwitchboardBinary.run([
            "prune", "--before", ninetyDaysAgo, "--dry-run", "--config", config.path,
        ])
        #expect(text.stdout.contains("would remove: 2 text(s) (1 attempt(s), 2 raw request(s), 0 soft lock(s))"))
        #expect(text.stdout.contains("dry run: nothing removed"))
    }

    @Test func theExportHoldsExactlyWhatWasRemovedAsExportWritesIt() async throws {
        let directory = try SwitchboardBinary.temporaryDirectory()
        let config = try await seed(directory)
        let before = try await SwitchboardBinary.run(["export", "--config", config.path])
        #expect(before.status == 0, "\(before.stderr)")
        var exported: [String: [String: Any]] = [:]
        for line in before.stdout.split(separator: "\n") {
            let row = try object(line)
            exported[row["id"] as? String ?? ""] = row
        }
        let file = directory.appendingPathComponent("pruned.jsonl")
        let result = try await SwitchboardBinary.run([
            "prune", "--before", ninetyDaysAgo, "--export", file.path, "--vacuum", "--json", "--config", config.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let summary = try object(result.stdout)
        #expect((summary["removed"] as? [String: Int])?["texts"] == 2)
        #expect(((summary["vacuum"] as? [String: Int])?["bytes_after"] ?? 0) > 0, "\(result.stdout)")
        #expect((summary["export"] as? [String: Any])?["texts"] as? Int == 2)
        #expect(try await storeIDs(directory) == ["recent", "open"])

        let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600, "the export is private")
        let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
        #expect(!lines.contains { $0.contains("\u{1B}") }, "escaped as export escapes it")
        let rows = try lines.map(object)
        let texts = rows.filter { $0["campaign"] == nil && $0["campaign_recipient"] == nil }
        #expect(Set(texts.compactMap { $0["id"] as? String }) == ["old-replied", "old-pending"])
        for text in texts {
            // Everything but the seconds left, which moved on between the two commands.
            var expected = try #require(exported[text["id"] as? String ?? ""])
            var got = text
            expected["seconds_left"] = nil
            got["seconds_left"] = nil
            let (gotText, expectedText) = (try canonical(got), try canonical(expected))
            #expect(gotText == expectedText)
        }
        #expect((texts.first { $0["id"] as? String == "old-replied" }?["journal"] as? [Any])?.count == 1)
        let recipients = rows.compactMap { $0["campaign_recipient"] as? [String: Any] }
        #expect(recipients.map { $0["campaign_id"] as? String } == ["c-old", "c-old", "c-old"])
        #expect(recipients.map { $0["phone"] as? String } == ["+15550000", "+15550001", "+15550002"])
        let campaigns = rows.compactMap { $0["campaign"] as? [String: Any] }
        #expect(campaigns.count == 1)
        #expect(campaigns.first?["id"] as? String == "c-old" && campaigns.first?["rate"] as? String == "2.5/s")
        #expect(rows.last?["campaign"] != nil, "the campaign's line comes after its recipients")

        let again = try await SwitchboardBinary.run([
            "prune", "--before", ninetyDaysAgo, "--export", file.path, "--config", config.path,
        ])
        #expect(again.status == 2)
        #expect(again.stderr.contains("the file exists"), "\(again.stderr)")
        #expect(try String(contentsOf: file, encoding: .utf8).split(separator: "\n").count == lines.count)
    }

    @Test func aDateThatIsNotOneIsRefused() async throws {
        let directory = try SwitchboardBinary.temporaryDirectory()
        let config = try await seed(directory)
        let combined = try await SwitchboardBinary.run([
            "prune", "--before", "2025-01-01", "--dry-run", "--export", "x.jsonl", "--config", config.path,
        ])
        #expect(combined.status == 2 && combined.stderr.contains("a dry run removes nothing"), "\(combined.stderr)")
        for date in ["last tuesday", "2025-02-30", "2025-01-31T18:00:00"] {
            let result = try await SwitchboardBinary.run(["prune", "--before", date, "--config", config.path])
            #expect(result.status == 2)
            #expect(result.stderr.contains("YYYY-MM-DD") && result.stderr.contains("RFC 3339"), "\(result.stderr)")
        }
        #expect(try await storeIDs(directory).count == 4)
    }
}
