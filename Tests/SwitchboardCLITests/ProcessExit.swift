import Foundation

extension Process {
    /// Waits for the process to exit without holding a thread: `waitUntilExit()` blocks one of the few threads every
    /// test shares (two on a 2-core machine), and a long one (a million-row fill, a graceful stop) starved the HTTP
    /// tests running beside it until their requests timed out.
    func exited() async {
        while isRunning { try? await Task.sleep(for: .milliseconds(10)) }
        waitUntilExit()
    }
}
