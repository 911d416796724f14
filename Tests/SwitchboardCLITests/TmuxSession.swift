import Foundation

/// A tmux server of our own, with one window running a command.
final class TmuxSession {
    let socket = "switchboard-test-\(UUID().uuidString.prefix(8))"

    init(command: String, width: Int = 100, height: Int = 30) throws {
        try tmux(["new-session", "-d", "-x", "\(width)", "-y", "\(height)", command])
    }

    deinit { kill() }

    /// Ends what runs in the window and the tmux server (tests call it on the way out, not counting on `deinit`).
    /// `kill-server` alone leaves the window's processes running here, and the server with them.
    func kill() {
        let panes = (try? tmux(["list-panes", "-a", "-F", "#{pane_pid}"], capture: true)) ?? ""
        for pid in panes.split(separator: "\n").compactMap({ pid_t($0) }) where pid > 1 {
            // The pane's shell leads its own process group: the command and whatever it started go with it.
            Glibc.kill(-pid, SIGKILL)
        }
        _ = try? tmux(["kill-server"])
    }

    /// Runs tmux with posix_spawn and waitpid: Foundation's `Process` can wait forever here, because the tmux
    /// server that `new-session` starts stays behind as a daemon.
    @discardableResult
    func tmux(_ arguments: [String], capture: Bool = false) throws -> String {
        var pipe: [Int32] = [-1, -1]
        if capture { guard Glibc.pipe(&pipe) == 0 else { throw POSIXError(.EMFILE) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        if capture {
            posix_spawn_file_actions_adddup2(&actions, pipe[1], 1)
            posix_spawn_file_actions_addclose(&actions, pipe[0])
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = (["tmux", "-L", socket] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        guard posix_spawnp(&pid, "tmux", &actions, nil, argv, environ) == 0 else { throw POSIXError(.ENOENT) }
        var output = [UInt8]()
        if capture {
            close(pipe[1])
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = read(pipe[0], &buffer, buffer.count)
                if count <= 0 { break }
                output.append(contentsOf: buffer[0..<count])
            }
            close(pipe[0])
        }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        return String(decoding: output, as: UTF8.self)
    }

    func capture() -> String {
        (try? tmux(["capture-pane", "-p"], capture: true)) ?? ""
    }

    func keys(_ keys: String...) throws { try tmux(["send-keys"] + keys) }
    func type(_ text: String) throws { try tmux(["send-keys", "-l", text]) }

    func waitFor(_ text: String, timeout: Duration = .seconds(20)) async throws -> Bool {
        try await SwitchboardBinary.waitFor(timeout: timeout) { self.capture().contains(text) }
    }
}
