import Foundation
import Testing

@testable import SwitchboardEngine

/// A client that connects and then says nothing is disconnected after the idle timeout.
@Suite struct ReceiverIdleTimeoutTests {
    @Test func idleConnectionsAreClosed() async throws {
        var settings = CallbackReceiver.Settings()
        settings.idleTimeout = .milliseconds(300)
        try await ReceiverHarness.run(settings) { harness in
            let socket = try IdleSocket(port: harness.port)
            defer { socket.close() }
            let clock = ContinuousClock()
            let started = clock.now
            // read() returns 0 (end of stream) once the server closes the connection.
            let received = socket.readUntilClosed(timeout: .seconds(5))
            let waited = clock.now - started
            #expect(received == 0, "the server closed the connection without sending anything")
            #expect(waited >= .milliseconds(250) && waited < .seconds(4), "closed after about the idle timeout")
        }
    }
}

/// A blocking TCP client socket that connects and only reads.
private struct IdleSocket {
    let descriptor: Int32

    init(port: Int) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else { throw POSIXError(.ECONNREFUSED) }
    }

    /// Reads until end of stream or `timeout`; returns the bytes received before the close, or -1 on timeout.
    func readUntilClosed(timeout: Duration) -> Int {
        var timeoutValue = timeval(tv_sec: Int(timeout.components.seconds), tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeoutValue, socklen_t(MemoryLayout<timeval>.size))
        var total = 0
        var buffer = [UInt8](repeating: 0, count: 1024)
        while true {
            let count = read(descriptor, &buffer, buffer.count)
            if count == 0 { return total }
            if count < 0 { return -1 }
            total += count
        }
    }

    func close() {
        _ = Glibc.close(descriptor)
    }
}
