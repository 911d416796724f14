import Foundation
import SwitchboardTestSupport
import Testing

@testable import SwitchboardEngine

/// Two `serve` processes behind one load balancer, one PostgreSQL store: Tagga resends a callback to the other
/// receiver (and both at once), and the text is stored once.
@Suite(.enabled(if: !TestPostgres.skipped, "SWITCHBOARD_SKIP_POSTGRES=1"))
struct SharedStoreServeTests {
    @Test func twoReceiversStoreAResentCallbackOnce() async throws {
        let directory = try SwitchboardBinary.temporaryDirectory()
        let config = directory.appendingPathComponent("config.toml")
        let url = try await TestPostgres.shared.freshDatabaseURL()
        try SwitchboardBinary.writeConfig("[store]\nurl = \"\(url)\"\n[tagga]\ntaggs = [\"HELP\"]\n", to: config)
        var ports: [String] = []
        var receivers: [Process] = []
        defer { for receiver in receivers where receiver.isRunning { receiver.terminate() } }
        for name in ["a", "b"] {
            let log = directory.appendingPathComponent("serve-\(name).log")
            let (receiver, port) = try await SwitchboardBinary.startReceiver(config: config, log: log)
            receivers.append(receiver)
            ports.append(port)
        }

        // The same callback to both receivers at once, then resent to each.
        let form = "transaction_id=shared-1&tagg=HELP&message=Where+is+my+order%3F"
        let client = ProviderHTTPClient.makeClient()
        let http = ProviderHTTPClient(client: client)
        let statuses = await withTaskGroup(of: Int.self) { group in
            for port in ports + ports {
                group.addTask {
                    let result = await http.post(
                        url: "http://127.0.0.1:\(port)/tagga", contentType: "application/x-www-form-urlencoded",
                        body: Array(form.utf8))
                    guard case .response(let response) = result else { return 0 }
                    return response.status
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        try await client.shutdown()
        #expect(statuses == [200, 200, 200, 200], "every delivery is acknowledged")

        let pending = try await SwitchboardBinary.run(["pending", "--config", config.path, "--json"])
        #expect(pending.status == 0, "\(pending.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(pending.stdout.utf8)) as? [[String: Any]])
        #expect(rows.map { $0["id"] as? String } == ["shared-1"], "one row for four deliveries")
    }
}
