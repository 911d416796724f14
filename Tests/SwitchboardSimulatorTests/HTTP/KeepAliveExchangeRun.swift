import NIOCore
import NIOPosix
import Testing

@testable import SwitchboardEngine

/// The keep-alive tests' harness: a scripted server and a connection to it, both closed however the test ends, and
/// the two ways an exchange can come back.
enum KeepAliveExchangeRun {
    /// The client connections' own event loop: the process-wide singleton is shared with every other suite running
    /// at the same time, and a loop busy elsewhere would see a server's close late (the idle-close tests wait for it).
    static let clientLoop: any EventLoop = MultiThreadedEventLoopGroup(numberOfThreads: 1).next()

    /// Starts `server`, makes the connection to its port, runs `body`, and closes both.
    static func run(
        _ server: ScriptedHTTPServer, connecting: (Int) throws -> KeepAliveHTTPConnection,
        _ body: (ScriptedHTTPServer, KeepAliveHTTPConnection) async throws -> Void
    ) async throws {
        let port = try await server.start()
        let connection: KeepAliveHTTPConnection
        do {
            connection = try connecting(port)
        } catch {
            await server.stop()
            throw error
        }
        do {
            try await body(server, connection)
        } catch {
            await connection.close()
            await server.stop()
            throw error
        }
        await connection.close()
        await server.stop()
    }

    struct Unexpected: Error, CustomStringConvertible {
        var description: String
    }

    /// The answer, or a thrown error when the exchange failed.
    static func response(_ result: HTTPExchangeResult) throws -> HTTPExchangeResponse {
        guard case .response(let response) = result else { throw Unexpected(description: "\(result)") }
        return response
    }

    /// The failure, or a thrown error when an answer came.
    static func failure(_ result: HTTPExchangeResult) throws -> HTTPExchangeFailure {
        guard case .failed(let failure) = result else { throw Unexpected(description: "\(result)") }
        return failure
    }
}
