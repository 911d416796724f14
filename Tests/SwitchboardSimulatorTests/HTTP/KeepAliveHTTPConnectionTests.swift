import Foundation
import Glibc
import NIOCore
import NIOPosix
import SwitchboardTestSupport
import Testing

@testable import SwitchboardEngine
@testable import SwitchboardSimulator

/// The broadcast's own HTTP/1.1 client, against the simulator and against a scripted server for the edge cases.
@Suite struct KeepAliveHTTPConnectionTests {
    private static let body = Array(#"{"hello":"world"}"#.utf8)

    @Test func manySendsToTheSimulatorShareOneConnection() async throws {
        try await SimulatorFixture.with { fixture in
            let account = TaggetAccount(baseURL: fixture.baseURL, id: 1001, token: Secret("sim-token"))
            let target = try #require(HTTPTarget(url: account.sendURL))
            let connection = KeepAliveHTTPConnection(
                target: target, eventLoop: KeepAliveExchangeRun.clientLoop)
            for index in 0..<20 {
                let body = TaggetSendRequest.wireBody(
                    to: "+1555100\(1000 + index)", body: "Hello", sender: "Shop", account: account)
                let result = await connection.post(contentType: "application/json", body: body)
                guard case .response(let response) = result else {
                    Issue.record("send \(index): \(result)")
                    return
                }
                #expect(response.status == 200)
                #expect(TaggetResponse.parse(response.body)?.status == 200)
            }
            await connection.close()
            #expect(connection.connections == 1)
            #expect(fixture.simulator.tagget.deliveries.count == 20)
        }
    }

    @Test func connectionCloseFromTheServerMeansANewConnectionNextTime() async throws {
        let close = "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok"
        try await Self.with([.respond(close), .ok]) { server, connection in
            let answer1 = try Self.response(await connection.post(contentType: "text/plain", body: Self.body))
            #expect(answer1.bodyText == "ok")
            let answer2 = try Self.response(await connection.post(contentType: "text/plain", body: Self.body))
            #expect(answer2.status == 200)
            #expect(connection.connections == 2)
            #expect(server.requests == 2)
        }
    }

    @Test func aChunkedAnswerIsReadWholeAndTheConnectionKept() async throws {
        let chunked = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n"
        try await Self.with([.respond(chunked), .ok]) { _, connection in
            let first = try Self.response(await connection.post(contentType: "text/plain", body: Self.body))
            #expect(first.bodyText == "hello world")
            let answer3 = try Self.response(await connection.post(contentType: "text/plain", body: Self.body))
            #expect(answer3.status == 200)
            #expect(connection.connections == 1)
        }
    }

    @Test func anIdleConnectionTheServerClosedIsReplacedWithoutLosingTheRequest() async throws {
        let ok = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"
        try await Self.with([.respondThenCloseIdle(ok, idle: .milliseconds(20)), .ok]) { server, connection in
            _ = try Self.response(await connection.post(contentType: "text/plain", body: Self.body))
            // The server closes it after 20 ms of nothing; the client has seen that close.
            try #require(await eventually { !connection.looksOpen }, "the server's close was never seen")
            let answer4 = try Self.response(await connection.post(contentType: "text/plain", body: Self.body))
            #expect(answer4.status == 200)
            #expect(connection.connections == 2)
            #expect(server.requests == 2)
        }
    }

    @Test func aConnectionIdlePastTheLimitIsReplacedThoughItStillLooksOpen() async throws {
        // A server may close an idle connection at any moment, and the client sees that close only later: a request
        // written in between would be lost. So a connection idle too long is replaced though it still looks open.
        // Here the server keeps it open, so it does look open when the next request is made, whatever the timing.
        let ok = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"
        try await Self.with([.respond(ok), .ok], idleLimit: .milliseconds(10)) { server, connection in
            _ = try Self.response(await connection.post(contentType: "text/plain", body: Self.body))
            // The idle time under test (longer than the limit), not a wait for anything.
            try await Task.sleep(for: .milliseconds(20))
            #expect(connection.looksOpen, "the server keeps the connection open")
            let answer = try Self.response(await connection.post(contentType: "text/plain", body: Self.body))
            #expect(answer.status == 200)
            #expect(connection.connections == 2)
            #expect(server.connections == 2)
            #expect(server.requests == 2)
        }
    }

    @Test func aConnectionLostAfterTheWriteIsReportedWrittenAndNotRetried() async throws {
        try await Self.with([.closeWithoutAnswer]) { server, connection in
            let failure = try Self.failure(await connection.post(contentType: "text/plain", body: Self.body))
            #expect(failure.requestWasWritten)
            #expect(server.requests == 1)
            #expect(connection.connections == 1)
        }
    }

    @Test func noAnswerTimesOutAfterTheWrite() async throws {
        // Ended by the timeout (not by the connection, which stays open), and not before it: a loaded machine can
        // make it late, so no upper bound is asserted beyond the test's own end.
        try await Self.with([.silent], responseTimeout: .seconds(1)) { server, connection in
            let started = ContinuousClock.now
            let failure = try Self.failure(await connection.post(contentType: "text/plain", body: Self.body))
            #expect(failure.requestWasWritten)
            #expect(failure.reason.contains("timed out"))
            #expect(ContinuousClock.now - started >= .seconds(1))
            #expect(server.requests == 1)
        }
    }

    @Test func aLargeAnswerIsCutAtTheCapAndTheConnectionDropped() async throws {
        let big = "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n" + String(repeating: "x", count: 1000)
        try await Self.with([.respond(big), .ok], maximumResponseBytes: 100) { _, connection in
            let answer6 = try Self.response(await connection.post(contentType: "text/plain", body: Self.body))
            #expect(answer6.body.count == 100)
            let answer7 = try Self.response(await connection.post(contentType: "text/plain", body: Self.body))
            #expect(answer7.status == 200)
            #expect(connection.connections == 2)
        }
    }

    @Test func aRefusedConnectionIsReportedNotWritten() async throws {
        // A port bound but not listening refuses connections, and stays ours (a parallel test cannot take it).
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { Glibc.close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0
            }
        }
        try #require(bound)
        let port = Int(UInt16(bigEndian: address.sin_port))
        let connection = KeepAliveHTTPConnection(
            target: try #require(HTTPTarget(url: "http://127.0.0.1:\(port)/x")),
            eventLoop: KeepAliveExchangeRun.clientLoop)
        let failure = try Self.failure(await connection.post(contentType: "text/plain", body: Self.body))
        #expect(!failure.requestWasWritten)
    }

    // MARK: - Helpers

    private static func with(
        _ script: [ScriptedReply], responseTimeout: Duration = .seconds(5),
        maximumResponseBytes: Int = 1024, idleLimit: Duration = .seconds(4),
        _ body: (ScriptedHTTPServer, KeepAliveHTTPConnection) async throws -> Void
    ) async throws {
        try await KeepAliveExchangeRun.run(
            ScriptedHTTPServer(script),
            connecting: { port in
                KeepAliveHTTPConnection(
                    target: try #require(HTTPTarget(url: "http://127.0.0.1:\(port)/engage/send_sms")),
                    eventLoop: KeepAliveExchangeRun.clientLoop, responseTimeout: responseTimeout,
                    maximumResponseBytes: maximumResponseBytes, idleLimit: idleLimit)
            }, body)
    }

    private static func response(_ result: HTTPExchangeResult) throws -> HTTPExchangeResponse {
        try KeepAliveExchangeRun.response(result)
    }

    private static func failure(_ result: HTTPExchangeResult) throws -> HTTPExchangeFailure {
        try KeepAliveExchangeRun.failure(result)
    }
}

/// Splitting an `http://` or `https://` URL for a raw connection.
@Suite struct HTTPTargetTests {
    @Test func splitsHostPortAndPath() throws {
        let target = try #require(HTTPTarget(url: "http://127.0.0.1:8080/engage/send_sms"))
        #expect(target.host == "127.0.0.1")
        #expect(target.port == 8080)
        #expect(target.path == "/engage/send_sms")
        #expect(target.hostHeader == "127.0.0.1:8080")
        let plain = try #require(HTTPTarget(url: "HTTP://relay.example?x=1"))
        #expect(plain.port == 80)
        #expect(plain.path == "/?x=1")
        #expect(plain.hostHeader == "relay.example")
        let six = try #require(HTTPTarget(url: "http://[::1]:9000/a"))
        #expect(six.host == "::1")
        #expect(six.hostHeader == "[::1]:9000")
    }

    @Test func takesHTTPSWithItsDefaultPort() throws {
        let secure = try #require(HTTPTarget(url: "https://api.tagget.io/engage/send_sms"))
        #expect(secure.isTLS)
        #expect(secure.host == "api.tagget.io")
        #expect(secure.port == 443)
        #expect(secure.path == "/engage/send_sms")
        #expect(secure.hostHeader == "api.tagget.io")
        let other = try #require(HTTPTarget(url: "HTTPS://relay.example:8443"))
        #expect(other.port == 8443)
        #expect(other.hostHeader == "relay.example:8443")
        #expect(try #require(HTTPTarget(url: "https://relay.example:80/")).hostHeader == "relay.example:80")
        #expect(try #require(HTTPTarget(url: "http://relay.example:443/")).hostHeader == "relay.example:443")
        #expect(try #require(HTTPTarget(url: "http://relay.example/")).isTLS == false)
    }

    @Test func takesOnlyHTTPAndHTTPS() {
        #expect(HTTPTarget(url: "ftp://api.tagget.io/engage/send_sms") == nil)
        #expect(HTTPTarget(url: "api.tagget.io/engage/send_sms") == nil)
        #expect(HTTPTarget(url: "http://user@host/x") == nil)
        #expect(HTTPTarget(url: "https://user@host/x") == nil)
        #expect(HTTPTarget(url: "http://host:0/x") == nil)
        #expect(HTTPTarget(url: "http://host:99999/x") == nil)
        #expect(HTTPTarget(url: "http:///x") == nil)
        #expect(HTTPTarget(url: "https:///x") == nil)
    }
}
