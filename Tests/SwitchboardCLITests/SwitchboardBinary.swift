import Foundation
import SwitchboardTestSupport
import Testing

/// Runs the real `switchboard` executable that `swift test` built beside the tests.
enum SwitchboardBinary {
    static let url: URL = {
        let candidates = [
            URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent(),
            Bundle.main.bundleURL,
            Bundle.main.bundleURL.deletingLastPathComponent(),
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent(".build/debug"),
        ]
        for directory in candidates {
            let binary = directory.appendingPathComponent("switchboard")
            if FileManager.default.isExecutableFile(atPath: binary.path) { return binary }
        }
        return candidates[3].appendingPathComponent("switchboard")
    }()

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs the binary to completion with `arguments` and an environment without the user's SWITCHBOARD_* variables.
    static func run(_ arguments: [String], environment extra: [String: String] = [:]) async throws -> Result {
        try await runToCompletion(url, arguments, environment: environment(extra))
    }

    /// Runs `executable` to completion and returns its status and output, without holding a thread the while (see
    /// ``Foundation/Process/exited()``).
    ///
    /// The output goes to files, read once it has exited: with pipes, a process another test starts at the same
    /// moment can inherit a pipe's write end, and reading to the end would then wait for that one to exit (a `serve`
    /// kept for a whole test), holding a test thread the while.
    static func runToCompletion(_ executable: URL, _ arguments: [String], environment: [String: String]? = nil)
        async throws -> Result
    {
        let run = try Launched(executable, arguments, environment: environment)
        await run.process.exited()
        return try run.result()
    }

    /// ``runToCompletion(_:_:environment:)`` for a tool that takes milliseconds (`mount`), where a test cannot wait
    /// asynchronously (a `defer`): it blocks the thread until the tool exits.
    static func runBriefly(_ executable: URL, _ arguments: [String]) throws -> Result {
        let run = try Launched(executable, arguments, environment: nil)
        run.process.waitUntilExit()
        return try run.result()
    }

    /// A process started with its output going to files of its own.
    private struct Launched {
        let process = Process()
        let directory: URL
        let out: (url: URL, handle: FileHandle)
        let err: (url: URL, handle: FileHandle)

        init(_ executable: URL, _ arguments: [String], environment: [String: String]?) throws {
            directory = try temporaryDirectory()
            let (outURL, errURL) = (directory.appendingPathComponent("out"), directory.appendingPathComponent("err"))
            for file in [outURL, errURL] { _ = FileManager.default.createFile(atPath: file.path, contents: nil) }
            out = (outURL, try FileHandle(forWritingTo: outURL))
            err = (errURL, try FileHandle(forWritingTo: errURL))
            process.executableURL = executable
            process.arguments = arguments
            if let environment { process.environment = environment }
            process.standardOutput = out.handle
            process.standardError = err.handle
            do {
                try process.run()
            } catch {
                try? FileManager.default.removeItem(at: directory)
                throw error
            }
        }

        /// What it printed and how it exited; called once it has.
        func result() throws -> Result {
            defer { try? FileManager.default.removeItem(at: directory) }
            try out.handle.close()
            try err.handle.close()
            func text(_ file: URL) -> String {
                String(decoding: (try? Data(contentsOf: file)) ?? Data(), as: UTF8.self)
            }
            return Result(status: process.terminationStatus, stdout: text(out.url), stderr: text(err.url))
        }
    }

    /// Starts the binary in the background; the caller stops it.
    static func start(_ arguments: [String], output: URL, environment extra: [String: String] = [:]) throws
        -> Process
    {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.environment = environment(extra)
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let handle = try FileHandle(forWritingTo: output)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        return process
    }

    private static func environment(_ extra: [String: String]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("SWITCHBOARD_") }
        environment["XDG_CONFIG_HOME"] =
            FileManager.default.temporaryDirectory.appendingPathComponent(
                "switchboard-no-config-\(UUID().uuidString)"
            ).path
        environment.merge(extra) { $1 }
        return environment
    }

    /// A file's text, or "" while it does not exist.
    static func contents(_ url: URL) -> String {
        (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }

    /// Starts `switchboard serve` with `config` on a free loopback port (its output to `log`) and waits until it
    /// receives; returns the process (the caller stops it) and the port.
    static func startReceiver(config: URL, log: URL, environment extra: [String: String] = [:]) async throws -> (
        process: Process, port: String
    ) {
        let process = try start(
            ["serve", "--config", config.path, "--listen", "127.0.0.1:0"], output: log, environment: extra)
        _ = try await waitFor { contents(log).contains("receiving") }
        guard let port = contents(log).firstMatch(of: /127\.0\.0\.1:(\d+)\/tagga/)?.1 else {
            if process.isRunning { process.terminate() }
            throw ReceiverDidNotStart(output: contents(log))
        }
        return (process, String(port))
    }

    struct ReceiverDidNotStart: Error, CustomStringConvertible {
        var output: String
        var description: String { "switchboard serve did not start receiving: \(output)" }
    }

    /// A configuration with a store and the simulator's Tagga (its default keys, the tagg HELP), then `extra`.
    static func simulatorConfig(storeURL: String, baseURL: String, extra: String = "") -> String {
        """
        [store]
        url = "\(storeURL)"
        [tagga]
        base_url = "\(baseURL)"
        apikey = "sim-apikey"
        passkey = "sim-passkey"
        taggs = ["HELP"]

        """ + extra
    }

    /// Writes a configuration file readable only by its owner.
    static func writeConfig(_ text: String, to url: URL) throws {
        try text.write(to: url, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
    }

    /// A fresh temporary directory.
    static func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "switchboard-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    /// Polls until `condition` holds or `timeout` passes (``eventually(timeout:every:_:)``, every 50 ms).
    static func waitFor(timeout: Duration = .seconds(20), _ condition: () -> Bool) async throws -> Bool {
        await eventually(timeout: timeout, every: .milliseconds(50), condition)
    }
}
