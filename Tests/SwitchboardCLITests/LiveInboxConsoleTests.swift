import Foundation
import SwitchboardTestSupport
import Testing

@testable import SwitchboardEngine

/// The console on a store that has been running for a while: an old text is one search away however much is
/// stored, and a callback acknowledged by `serve` reaches every console following the store.
@Suite struct LiveInboxConsoleTests {
    /// A store of `count` answered texts over the last 90 days (created by the binary, so migrated as users get
    /// it), plus one text 60 days old to find.
    static func largeStore(count: Int, in directory: URL) async throws -> URL {
        let config = directory.appendingPathComponent("config.toml")
        let path = directory.appendingPathComponent("store.sqlite").path
        try SwitchboardBinary.writeConfig(
            "[store]\nurl = \"sqlite:\(path)\"\n[tagga]\ntaggs = [\"HELP\"]\n", to: config)
        let created = try await SwitchboardBinary.run(["pending", "--config", config.path])
        guard created.status == 0 else { throw StoreNotCreated(output: created.stderr) }
        let now = Int(Date().timeIntervalSince1970)
        let sql = """
            BEGIN;
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < \(count))
            INSERT INTO inbound_transaction (id, tagg, message, encoding, tagg_known, received_at, state,
                updated_at, reply_message, replied_at, operator)
            SELECT 'hist-' || i, 'HELP', 'Where is my order? It is number ' || i, 'utf-8', 1,
                \(now) - 90 * 86400.0 * i / \(count), 'replied', \(now), 'On its way', \(now), 'ana' FROM n;
            INSERT INTO inbound_transaction (id, tagg, message, encoding, tagg_known, received_at, state, updated_at)
            VALUES ('planted-60d', 'HELP', 'the blue umbrella was left at table nine', 'utf-8', 1,
                \(now) - 60 * 86400, 'replied', \(now));
            COMMIT;
            """
        // In a process of its own at the lowest priority: ten seconds of one core that the timing-sensitive tests
        // running beside this one must not lose.
        let filled = try await SwitchboardBinary.runToCompletion(
            URL(fileURLWithPath: "/usr/bin/nice"), ["-n", "19", "sqlite3", path, sql])
        guard filled.status == 0 else { throw StoreNotCreated(output: filled.stderr) }
        // What serve's search indexer would have done by now: without its file, the next opening of the store
        // builds the index of every text.
        for suffix in ["", "-wal", "-shm"] {
            try? FileManager.default.removeItem(atPath: SQLiteSearchFile.path(forStore: path) + suffix)
        }
        let indexed = try await SwitchboardBinary.runToCompletion(
            URL(fileURLWithPath: "/usr/bin/nice"),
            ["-n", "19", SwitchboardBinary.url.path, "pending", "--config", config.path])
        guard indexed.status == 0 else { throw StoreNotCreated(output: indexed.stderr) }
        return config
    }

    struct StoreNotCreated: Error { var output: String }

    @Test func aSixtyDayOldTextIsFoundBySearchInAMillionTextStore() async throws {
        let directory = try SwitchboardBinary.temporaryDirectory()
        let config = try await Self.largeStore(count: 1_000_000, in: directory)
        let session = try TmuxSession(
            command: "env XDG_STATE_HOME=\(directory.path) \(SwitchboardBinary.url.path) console --no-receiver "
                + "--config \(config.path); echo EXIT-STATUS=$?; sleep 60")
        defer { session.kill() }
        // The first frame, drawn before the store is read, says "0 open" too: wait for the counts themselves.
        #expect(
            try await session.waitFor("1000001 replied"), "the header counts the whole store\n\(session.capture())")
        #expect(session.capture().contains("0 open"), "\(session.capture())")
        try session.keys("/")
        try session.type("blue umbrella")
        try session.keys("Enter")
        #expect(try await session.waitFor("planted-60d"), "\(session.capture())")
        #expect(session.capture().contains("/blue umbrella: 1 found"), "\(session.capture())")
        #expect(session.capture().contains("the blue umbrella was left"), "the detail pane shows it")
        // The "all" list reaches the oldest text, page by page.
        try session.keys("Escape")
        // (Esc and a key arriving together would be one Alt chord: wait for the search to clear.)
        #expect(try await SwitchboardBinary.waitFor { !session.capture().contains("/blue umbrella") })
        try session.keys("f", "f", "f", "f")
        #expect(try await session.waitFor("[all]"), "\(session.capture())")
        #expect(try await session.waitFor("of 1000001"), "\(session.capture())")
        try session.keys("q")
        #expect(try await session.waitFor("EXIT-STATUS=0"), "\(session.capture())")
    }

    @Test(.enabled(if: !TestPostgres.skipped, "SWITCHBOARD_SKIP_POSTGRES=1"))
    func aCallbackToServeShowsOnTwoConsolesFollowingOnePostgreSQLStore() async throws {
        let directory = try SwitchboardBinary.temporaryDirectory()
        let url = try await TestPostgres.shared.freshDatabaseURL()
        let config = directory.appendingPathComponent("config.toml")
        try SwitchboardBinary.writeConfig(
            "[store]\nurl = \"\(url)\"\n[tagga]\ntaggs = [\"HELP\"]\n[console]\nbell = false\n", to: config)
        let (receiver, port) = try await SwitchboardBinary.startReceiver(
            config: config, log: directory.appendingPathComponent("serve.log"))
        defer { receiver.terminate() }
        let consoles = try ["alice", "bob"].map { name in
            try TmuxSession(
                command: "env XDG_STATE_HOME=\(directory.path)/\(name) \(SwitchboardBinary.url.path) console "
                    + "--no-receiver --config \(config.path); echo EXIT-STATUS=$?; sleep 60")
        }
        defer { for console in consoles { console.kill() } }
        for console in consoles { #expect(try await console.waitFor("0 open"), "\(console.capture())") }

        let client = ProviderHTTPClient.makeClient()
        let http = ProviderHTTPClient(client: client)
        let result = await http.post(
            url: "http://127.0.0.1:\(port)/tagga", contentType: "application/x-www-form-urlencoded",
            body: Array("transaction_id=live-1&tagg=HELP&message=Is+the+kitchen+open%3F".utf8))
        try await client.shutdown()
        guard case .response(let response) = result, response.status == 200 else {
            Issue.record("the callback was not acknowledged: \(result)")
            return
        }
        let clock = ContinuousClock()
        let acknowledged = clock.now
        for console in consoles {
            #expect(try await console.waitFor("Is the kitchen open?"), "\(console.capture())")
            #expect(console.capture().contains("1 open"))
        }
        let took = clock.now - acknowledged
        #expect(took < .seconds(1), "both consoles showed the text \(took) after its 200")
    }
}
