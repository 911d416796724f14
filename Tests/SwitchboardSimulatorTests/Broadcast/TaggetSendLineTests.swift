import NIOPosix
import Testing

@testable import SwitchboardEngine

/// Which way a broadcast sender's POSTs take.
@Suite struct TaggetSendLineTests {
    @Test func bothSchemesGetAConnectionOfTheirOwn() async throws {
        try await SimulatorFixture.with { fixture in
            var client = fixture.taggetClient()
            for (baseURL, dedicated) in [
                (fixture.baseURL, true), ("https://api.tagget.io", true), ("ftp://api.tagget.io", false),
            ] {
                client.account.baseURL = baseURL
                let line = TaggetSendLine(client: client, eventLoop: MultiThreadedEventLoopGroup.singleton.next())
                #expect(line.isDedicated == dedicated, "\(baseURL)")
                await line.close()
            }
        }
    }
}
