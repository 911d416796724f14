import NIOCore
import NIOPosix
import NIOSSL
import SwitchboardTestSupport
import Testing

@testable import SwitchboardEngine

/// The broadcast's own HTTP/1.1 client over TLS, against the scripted server behind a TLS handler with certificates
/// made at test time.
@Suite struct KeepAliveTLSTests {
    private static let body = Array(#"{"hello":"world"}"#.utf8)

    @Test(arguments: ["localhost", "127.0.0.1"])
    func postsOverTLSShareOneConnection(host: String) async throws {
        let certificates = try TestCertificates.make()
        try await Self.with(certificates.server, host: host, trusting: [certificates.authority]) { server, connection in
            for _ in 0..<5 {
                let result = await connection.post(contentType: "application/json", body: Self.body)
                guard case .response(let response) = result else {
                    Issue.record("\(result)")
                    return
                }
                #expect(response.status == 200)
                #expect(response.bodyText == #"{"ok":true}"#)
            }
            #expect(connection.connections == 1)
            #expect(server.connections == 1)
            #expect(server.requests == 5)
        }
    }

    @Test func aConnectionCloseOverTLSMeansANewConnectionNextTime() async throws {
        let certificates = try TestCertificates.make()
        let close = "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok"
        try await Self.with(certificates.server, script: [.respond(close), .ok], trusting: [certificates.authority]) {
            server, connection in
            for _ in 0..<2 {
                let response = try KeepAliveExchangeRun.response(
                    await connection.post(contentType: "text/plain", body: Self.body))
                #expect(response.status == 200)
            }
            #expect(connection.connections == 2)
            #expect(server.requests == 2)
        }
    }

    @Test func aConnectionLostAfterTheWriteOverTLSIsReportedWrittenAndNotRetried() async throws {
        let certificates = try TestCertificates.make()
        try await Self.with(certificates.server, script: [.closeWithoutAnswer], trusting: [certificates.authority]) {
            server, connection in
            let failure = try Self.failure(await connection.post(contentType: "text/plain", body: Self.body))
            #expect(failure.requestWasWritten)
            #expect(server.requests == 1)
            #expect(connection.connections == 1)
        }
    }

    @Test func anIdleTLSConnectionTheServerClosedIsReplacedWithoutLosingTheRequest() async throws {
        let certificates = try TestCertificates.make()
        let ok = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"
        try await Self.with(
            certificates.server, script: [.respondThenCloseIdle(ok, idle: .milliseconds(20)), .ok],
            trusting: [certificates.authority]
        ) { server, connection in
            for index in 0..<2 {
                if index == 1 {
                    // The server closes it after 20 ms of nothing; the client has seen that close.
                    try #require(await eventually { !connection.looksOpen }, "the server's close was never seen")
                }
                let response = try KeepAliveExchangeRun.response(
                    await connection.post(contentType: "text/plain", body: Self.body))
                #expect(response.status == 200)
            }
            #expect(connection.connections == 2)
            #expect(server.requests == 2)
        }
    }

    @Test func anUntrustedCertificateFailsNotWritten() async throws {
        // The server's authority is not among the system's roots, and no extra root is given.
        let certificates = try TestCertificates.make()
        try await Self.with(certificates.server, trusting: []) { server, connection in
            let failure = try Self.failure(await connection.post(contentType: "text/plain", body: Self.body))
            #expect(!failure.requestWasWritten)
            #expect(failure.reason.contains("certificate could not be verified"), "\(failure.reason)")
            #expect(failure.reason.contains("CERTIFICATE_VERIFY_FAILED"), "\(failure.reason)")
            #expect(server.requests == 0)
            #expect(connection.connections == 0)
        }
    }

    @Test func aCertificateForAnotherHostFailsNotWritten() async throws {
        let certificates = try TestCertificates.make()
        try await Self.with(certificates.otherHost, trusting: [certificates.authority]) { server, connection in
            let failure = try Self.failure(await connection.post(contentType: "text/plain", body: Self.body))
            #expect(!failure.requestWasWritten)
            #expect(failure.reason.contains("certificate is not valid for localhost"), "\(failure.reason)")
            #expect(server.requests == 0)
        }
    }

    @Test func aServerThatNeverHandshakesTimesOutNotWritten() async throws {
        // A plain-HTTP server reads the ClientHello as the start of a request that never ends, and never answers.
        try await Self.with(nil, trusting: [], connectTimeout: .milliseconds(300)) { server, connection in
            let failure = try Self.failure(await connection.post(contentType: "text/plain", body: Self.body))
            #expect(!failure.requestWasWritten)
            #expect(failure.reason == "timed out in the TLS handshake")
            #expect(server.requests == 0)
        }
    }

    // MARK: - Helpers

    private static func with(
        _ tls: NIOSSLContext?, host: String = "localhost", script: [ScriptedReply] = [],
        trusting roots: [NIOSSLCertificate], connectTimeout: Duration = .seconds(5),
        _ body: (ScriptedHTTPServer, KeepAliveHTTPConnection) async throws -> Void
    ) async throws {
        try await KeepAliveExchangeRun.run(
            ScriptedHTTPServer(script, tls: tls),
            connecting: { port in
                KeepAliveHTTPConnection(
                    target: try #require(HTTPTarget(url: "https://\(host):\(port)/engage/send_sms")),
                    eventLoop: KeepAliveExchangeRun.clientLoop, connectTimeout: connectTimeout,
                    responseTimeout: .seconds(5), additionalTrustRoots: roots)
            }, body)
    }

    private static func failure(_ result: HTTPExchangeResult) throws -> HTTPExchangeFailure {
        try KeepAliveExchangeRun.failure(result)
    }
}
