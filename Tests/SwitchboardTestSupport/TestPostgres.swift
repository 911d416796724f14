import Foundation
import Logging
import PostgresNIO
import SwitchboardEngine

#if canImport(Glibc)
    import Glibc
#endif

/// A real PostgreSQL 15 for this test process: `SWITCHBOARD_TEST_POSTGRES_URL` when set (CI starts one), otherwise
/// a throwaway cluster (`initdb` into a temporary directory, on 127.0.0.1 and a free port, run as the `postgres`
/// user when the tests run as root), started once and stopped by a watchdog when this process exits. Each test gets
/// a database of its own.
package actor TestPostgres {
    package static let shared = TestPostgres()

    /// Set to 1 to leave the PostgreSQL cases out (they are never silently skipped otherwise).
    package static var skipped: Bool { ProcessInfo.processInfo.environment["SWITCHBOARD_SKIP_POSTGRES"] == "1" }

    private var server: Task<URLComponents, any Error>?

    /// The URL of a new, empty database.
    package func freshDatabaseURL() async throws -> String {
        if server == nil { server = Task { try await Self.startServer() } }
        let base = try await server!.value
        let name = "sb_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let admin = try PostgresEndpoint(url: base.string ?? "")
        let connection = try await PostgresConnection.connect(
            configuration: try admin.connectionConfiguration(applicationName: "switchboard-tests"), id: 0,
            logger: PostgresStore.silentLogger)
        do {
            try await connection.query(
                PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"), logger: PostgresStore.silentLogger)
        } catch {
            try? await connection.close()
            throw TestPostgresError("CREATE DATABASE failed: \(PostgresErrors.describe(error))")
        }
        try? await connection.close()
        var url = base
        url.path = "/" + name
        return url.string ?? ""
    }

    private static func startServer() async throws -> URLComponents {
        if let given = ProcessInfo.processInfo.environment["SWITCHBOARD_TEST_POSTGRES_URL"], !given.isEmpty {
            guard let url = URLComponents(string: given) else {
                throw TestPostgresError("SWITCHBOARD_TEST_POSTGRES_URL is not a URL")
            }
            return url
        }
        return try launchCluster()
    }

    /// Where `initdb` and `pg_ctl` are.
    static func binaryDirectory() throws -> String {
        guard
            let bin = ["/usr/local/bin", "/usr/lib/postgresql/15/bin"].first(where: {
                FileManager.default.isExecutableFile(atPath: $0 + "/initdb")
            })
        else {
            throw TestPostgresError(
                "PostgreSQL 15 is not installed (no initdb in /usr/local/bin or /usr/lib/postgresql/15/bin): install "
                    + "postgresql-15, set SWITCHBOARD_TEST_POSTGRES_URL, or SWITCHBOARD_SKIP_POSTGRES=1 to leave these "
                    + "cases out")
        }
        return bin
    }

    /// `initdb` + `pg_ctl start` in a temporary directory; a watchdog stops the server when this process ends.
    private static func launchCluster() throws -> URLComponents {
        let bin = try binaryDirectory()
        let directory = "/tmp/switchboard-pg-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let asRoot = getuid() == 0
        if asRoot {
            guard let user = getpwnam("postgres") else {
                throw TestPostgresError("running as root and there is no postgres user to run PostgreSQL as")
            }
            chown(directory, user.pointee.pw_uid, user.pointee.pw_gid)
        }
        let port = try freePort()
        let script = """
            set -e
            "\(bin)/initdb" -D "\(directory)/data" -U switchboard --auth=trust -E UTF8 --no-sync \
                >"\(directory)/initdb.log" 2>&1
            "\(bin)/pg_ctl" -D "\(directory)/data" -l "\(directory)/server.log" -w \
                -o "-h 127.0.0.1 -p \(port) -k \(directory) -F -c max_connections=400" start >/dev/null
            (while [ -d /proc/\(getpid()) ] && ! grep -q '^State:.*Z' /proc/\(getpid())/status; do sleep 1; done
             "\(bin)/pg_ctl" -D "\(directory)/data" -m immediate stop; rm -rf "\(directory)") \
                >/dev/null 2>&1 </dev/null &
            """
        let arguments = asRoot ? ["/bin/su", "postgres", "-s", "/bin/sh", "-c", script] : ["/bin/sh", "-c", script]
        let status = try run(arguments)
        guard status == 0 else {
            let log = ["initdb.log", "server.log"].compactMap {
                try? String(contentsOfFile: "\(directory)/\($0)", encoding: .utf8)
            }.joined(separator: "\n")
            throw TestPostgresError("PostgreSQL could not be started in \(directory):\n\(log)")
        }
        var url = URLComponents()
        url.scheme = "postgres"
        url.user = "switchboard"
        url.host = "127.0.0.1"
        url.port = port
        url.path = "/postgres"
        url.queryItems = [URLQueryItem(name: "sslmode", value: "disable")]
        return url
    }

    /// Runs a command and waits for it, its standard streams on /dev/null and every other descriptor closed: the
    /// server and the watchdog it leaves behind must hold none of this process's pipes (Foundation's `Process`
    /// waits until every holder of its child's socket has gone, which would be when PostgreSQL stops).
    static func run(_ arguments: [String]) throws -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd: Int32 in 0...2 {
            posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        for fd in open.compactMap(Int32.init) where fd > 2 { posix_spawn_file_actions_addclose(&actions, fd) }
        var argv = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, arguments[0], &actions, nil, &argv, environ)
        guard spawned == 0 else { throw TestPostgresError("could not run \(arguments[0]): error \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : -1
    }

    /// A port nobody listens on now (the kernel's choice for port 0).
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw TestPostgresError("no socket for a free port") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(fd, pointer, length) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        guard bound else { throw TestPostgresError("no free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

struct TestPostgresError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
