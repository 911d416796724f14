import AsyncHTTPClient
import Foundation
import Synchronization
import Testing

@testable import SwitchboardEngine
@testable import SwitchboardSimulator

/// A running simulator on 127.0.0.1 (port 0) with a manual clock, and engine clients pointed at it.
final class SimulatorFixture: Sendable {
    let clock: ManualWallClock
    let simulator: ProviderSimulator
    let httpClient: HTTPClient
    let baseURL: String
    let readTimeout: Duration
    let sleeps = Mutex<[Duration]>([])

    private init(
        clock: ManualWallClock, simulator: ProviderSimulator, httpClient: HTTPClient, baseURL: String,
        readTimeout: Duration
    ) {
        self.readTimeout = readTimeout
        self.clock = clock
        self.simulator = simulator
        self.httpClient = httpClient
        self.baseURL = baseURL
    }

    /// Starts a simulator; `configure` adjusts its settings first.
    static func start(
        readTimeout: Duration = .seconds(3), configure: (inout SimulatorSettings) -> Void = { _ in }
    ) async throws -> SimulatorFixture {
        var settings = SimulatorSettings()
        configure(&settings)
        let clock = ManualWallClock()
        let simulator = ProviderSimulator(settings: settings, clock: clock)
        let baseURL = try await simulator.start()
        let httpClient = ProviderHTTPClient.makeClient(connectTimeout: .seconds(3), readTimeout: readTimeout)
        return SimulatorFixture(
            clock: clock, simulator: simulator, httpClient: httpClient, baseURL: baseURL, readTimeout: readTimeout)
    }

    /// Runs `body` with a started fixture and always shuts it down.
    static func with<T>(
        readTimeout: Duration = .seconds(3), configure: (inout SimulatorSettings) -> Void = { _ in },
        _ body: (SimulatorFixture) async throws -> T
    ) async throws -> T {
        let fixture = try await start(readTimeout: readTimeout, configure: configure)
        do {
            let result = try await body(fixture)
            await fixture.shutdown()
            return result
        } catch {
            await fixture.shutdown()
            throw error
        }
    }

    func shutdown() async {
        try? await httpClient.shutdown()
        await simulator.stop()
    }

    /// A sleeper that records the waits and returns at once.
    var recordingSleeper: Sleeper {
        { [self] duration in self.sleeps.withLock { $0.append(duration) } }
    }

    func taggaClient(apikey: String = "sim-apikey", passkey: String = "sim-passkey") -> TaggaReplyClient {
        TaggaReplyClient(
            account: TaggaAccount(baseURL: baseURL, apikey: Secret(apikey), passkey: Secret(passkey)),
            http: ProviderHTTPClient(client: httpClient, requestTimeout: .seconds(5)), clock: clock,
            backoff: .immediate, sleep: recordingSleeper)
    }

    func taggetClient(token: String = "sim-token") -> TaggetSendClient {
        TaggetSendClient(
            account: TaggetAccount(baseURL: baseURL, id: 1001, token: Secret(token)),
            http: ProviderHTTPClient(
                client: httpClient, requestTimeout: max(.seconds(5), readTimeout), connectTimeout: .seconds(3),
                readTimeout: readTimeout),
            clock: clock,
            backoff: .immediate, sleep: recordingSleeper)
    }

    /// A validated send request.
    func sendRequest(to: String = "+18397536474", body: String = "Hello world", sender: String = "Tagget")
        throws -> TaggetSendRequest
    {
        try TaggetSendRequest.validate(to: to, body: body, sender: sender).get()
    }
}
