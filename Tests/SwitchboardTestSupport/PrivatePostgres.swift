import Foundation
import PostgresNIO
import SwitchboardEngine

#if canImport(Glibc)
    import Glibc
#endif

/// A PostgreSQL server of one test's own, to take away and bring back (an outage): `initdb` into a temporary
/// directory, on 127.0.0.1 and a free port, run as the `postgres` user when the tests run as root. ``stop()`` and
/// ``start()`` keep the data directory and the port, so what was committed before the outage is there after it. A
/// watchdog stops the server and removes the directory when this test process ends; ``destroy()`` does it at once.
///
/// Unlike ``TestPostgres`` this never uses `SWITCHBOARD_TEST_POSTGRES_URL`: a shared server cannot be stopped.
package final class PrivatePostgres: Sendable {
    /// `postgres://switchboard@127.0.0.1:<port>/postgres?sslmode=disable`
    package let url: String
    private let bin: String
    private let directory: String
    private let port: Int

    private init(bin: String, directory: String, port: Int) {
        self.bin = bin
        self.directory = directory
        self.port = port
        url = "postgres://switchboard@127.0.0.1:\(port)/postgres?sslmode=disable"
    }

    /// Creates the cluster and starts it.
    package static func launch() async throws -> PrivatePostgres {
        let bin = try TestPostgres.binaryDirectory()
        let directory = "/tmp/switchboard-pg-outage-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        if getuid() == 0 {
            guard let user = getpwnam("postgres") else {
                throw TestPostgresError("running as root and there is no postgres user to run PostgreSQL as")
            }
            chown(directory, user.pointee.pw_uid, user.pointee.pw_gid)
        }
        let server = PrivatePostgres(bin: bin, directory: directory, port: try TestPostgres.freePort())
        try await server.shell(
            """
            "\(bin)/initdb" -D "\(directory)/data" -U switchboard --auth=trust -E UTF8 --no-sync \
                >"\(directory)/initdb.log" 2>&1
            (while [ -d /proc/\(getpid()) ] && ! grep -q '^State:.*Z' /proc/\(getpid())/status; do sleep 1; done
             "\(bin)/pg_ctl" -D "\(directory)/data" -m immediate stop; rm -rf "\(directory)") \
                >/dev/null 2>&1 </dev/null &
            """, failure: "initdb failed")
        try await server.start()
        return server
    }

    /// Starts the server (again) on its port and data directory; returns once it accepts connections.
    package func start() async throws {
        try await shell(
            """
            "\(bin)/pg_ctl" -D "\(directory)/data" -l "\(directory)/server.log" -w -t 120 \
                -o "-h 127.0.0.1 -p \(port) -k \(directory) -F -c max_connections=200" start >/dev/null
            """, failure: "PostgreSQL could not be started")
    }

    /// Stops the server the way a crash or a lost host would (`pg_ctl stop -m immediate`): every connection drops.
    package func stop() async throws {
        try await shell(
            "\"\(bin)/pg_ctl\" -D \"\(directory)/data\" -m immediate -w -t 120 stop >/dev/null",
            failure: "PostgreSQL could not be stopped")
    }

    /// Ends every server process serving a `switchboard` connection (`pg_terminate_backend`), as an administrator
    /// or a failover would; returns how many.
    package func terminateSwitchboardConnections() async throws -> Int {
        let endpoint = try PostgresEndpoint(url: url)
        let connection = try await PostgresConnection.connect(
            configuration: try endpoint.connectionConfiguration(applicationName: "switchboard-tests"), id: 0,
            logger: PostgresStore.silentLogger)
        do {
            let ended =
                try await connection.query(
                    """
                    SELECT COUNT(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                    WHERE application_name = 'switchboard' AND pid <> pg_backend_pid()) AS ended
                    """, logger: PostgresStore.silentLogger
                ).first { try $0.decode(Int.self) } ?? 0
            try await connection.close()
            return ended
        } catch {
            try? await connection.close()
            throw error
        }
    }

    /// Stops the server and removes its directory, in the background (for a `defer`).
    package func destroy() {
        let arguments = Self.arguments(
            "\"\(bin)/pg_ctl\" -D \"\(directory)/data\" -m immediate stop >/dev/null 2>&1; rm -rf \"\(directory)\"")
        Thread { _ = try? TestPostgres.run(arguments) }.start()
    }

    /// Runs `script` with `sh -e`, as the `postgres` user when root, on a thread of its own (waiting for `initdb`
    /// or `pg_ctl` would hold one of the few threads the other tests run on); throws with the logs when it fails.
    private func shell(_ script: String, failure: String) async throws {
        let arguments = Self.arguments("set -e\n" + script)
        let status = try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try TestPostgres.run(arguments) }) }.start()
        }
        guard status == 0 else {
            let log = ["initdb.log", "server.log"].compactMap {
                try? String(contentsOfFile: "\(directory)/\($0)", encoding: .utf8)
            }.joined(separator: "\n")
            throw TestPostgresError("\(failure) in \(directory):\n\(log)")
        }
    }

    /// `sh -c script`, as the `postgres` user when root.
    private static func arguments(_ script: String) -> [String] {
        getuid() == 0 ? ["/bin/su", "postgres", "-s", "/bin/sh", "-c", script] : ["/bin/sh", "-c", script]
    }
}
