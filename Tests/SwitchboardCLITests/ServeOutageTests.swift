import AsyncHTTPClient
import Foundation
import SwitchboardTestSupport
import Testing

@testable import SwitchboardEngine

/// Issue 6: a receiver that loses its database answers 503 (never 200) and recovers when the database returns.
/// The real `serve` binary on a PostgreSQL server of the test's own, stopped and started again.
@Suite(.enabled(if: !TestPostgres.skipped, "SWITCHBOARD_SKIP_POSTGRES=1"))
struct ServeOutageTests {
    /// One POST's answer: the status (0 when no answer came) and how long it took.
    private struct Answer {
        var status: Int
        var body: String
        var took: Duration
    }

    private let clock = ContinuousClock()

    private func post(_ id: String, to port: String, with http: ProviderHTTPClient) async -> Answer {
        let started = clock.now
        let form = "transaction_id=\(id)&tagg=HELP&message=Where+is+my+order%3F"
        let result = await http.post(
            url: "http://127.0.0.1:\(port)/tagga", contentType: "application/x-www-form-urlencoded",
            body: Array(form.utf8))
        guard case .response(let response) = result else { return Answer(status: 0, body: "", took: .zero) }
        return Answer(status: response.status, body: response.bodyText, took: clock.now - started)
    }

    /// `GET /healthz`'s status (0 when no answer came).
    private func health(_ port: String, with client: HTTPClient) async -> Int {
        let request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/healthz")
        guard let response = try? await client.execute(request, timeout: .seconds(60)) else { return 0 }
        return Int(response.status.code)
    }

    @Test func aReceiverThatLosesItsDatabaseAnswers503AndRecoversWhenItReturns() async throws {
        let server = try await PrivatePostgres.launch()
        defer { server.destroy() }
        let directory = try SwitchboardBinary.temporaryDirectory()
        let config = directory.appendingPathComponent("config.toml")
        try SwitchboardBinary.writeConfig(
            "[store]\nurl = \"\(server.url)\"\n[tagga]\ntaggs = [\"HELP\"]\n", to: config)
        let log = directory.appendingPathComponent("serve.log")
        let (receiver, port) = try await SwitchboardBinary.startReceiver(config: config, log: log)
        defer { if receiver.isRunning { receiver.terminate() } }
        // No answer within 30 s is a failed POST (status 0), where the driver's pool alone would have kept a callback
        // waiting for more than a minute.
        let client = ProviderHTTPClient.makeClient(readTimeout: .seconds(30))
        let http = ProviderHTTPClient(client: client)
        var acknowledged: [String] = []

        for index in 1...3 {
            let answer = await post("before-\(index)", to: port, with: http)
            #expect(answer.status == 200, "\(answer.body)")
            if answer.status == 200 { acknowledged.append("before-\(index)") }
        }
        #expect(await health(port, with: client) == 200)

        // The database goes away: one by one, then several at once (one group commit), every callback gets 503.
        try await server.stop()
        for index in 1...3 {
            let answer = await post("down-\(index)", to: port, with: http)
            #expect(answer.status == 503, "down-\(index): \(answer.status) \(answer.body)")
            #expect(answer.body.contains("store is unavailable"))
            // The store waits 5 s for PostgreSQL; the margin is for a loaded machine.
            #expect(answer.took < .seconds(40), "down-\(index) waited \(answer.took)")
        }
        let together = await withTaskGroup(of: (String, Answer).self) { group in
            for index in 1...4 {
                group.addTask { ("together-\(index)", await post("together-\(index)", to: port, with: http)) }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        for (id, answer) in together {
            #expect(answer.status == 503, "\(id): \(answer.status) \(answer.body)")
            #expect(answer.took < .seconds(40), "\(id) waited \(answer.took)")
            if answer.status == 200 { acknowledged.append(id) }
        }
        #expect(await health(port, with: client) == 503)

        // It comes back: the receiver answers 200 again by itself, with no restart.
        try await server.start()
        var recovered = false
        var attempt = 0
        let end = clock.now + .seconds(60)
        while !recovered && clock.now < end {
            attempt += 1
            let id = "after-\(attempt)"
            let answer = await post(id, to: port, with: http)
            #expect([200, 503].contains(answer.status), "\(id): \(answer.status) \(answer.body)")
            if answer.status == 200 {
                acknowledged.append(id)
                recovered = true
            } else {
                try await Task.sleep(for: .milliseconds(200))
            }
        }
        #expect(recovered, "the receiver still refused callbacks a minute after PostgreSQL returned")
        for index in 1...3 {
            let answer = await post("later-\(index)", to: port, with: http)
            #expect(answer.status == 200, "\(answer.body)")
            if answer.status == 200 { acknowledged.append("later-\(index)") }
        }
        #expect(await health(port, with: client) == 200)
        try await client.shutdown()

        // Every acknowledged callback is stored once; every stored one is whole (its raw request beside it).
        let store = try await PostgresStore.open(url: server.url)
        let stored = try await store.transactions(TransactionQuery()).map(\.id)
        for id in acknowledged {
            #expect(stored.filter { $0 == id }.count == 1, "\(id) is stored once")
        }
        for id in stored {
            #expect(try await store.rawCallback(transactionID: id) != nil, "\(id) is stored whole")
        }
        try await store.close()
        receiver.terminate()
    }
}
