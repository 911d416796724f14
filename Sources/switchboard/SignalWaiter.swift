import Dispatch
import Foundation

/// Waits for SIGINT or SIGTERM, so long-running commands can shut down cleanly.
enum SignalWaiter {
    static func waitForTermination() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let queue = DispatchQueue(label: "switchboard.signals")
            let resumed = ResumeOnce(continuation)
            for signalNumber in [SIGINT, SIGTERM] {
                signal(signalNumber, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
                source.setEventHandler { resumed.resume() }
                source.resume()
                resumed.keep(source)
            }
        }
    }
}

/// Resumes a continuation once, and keeps the signal sources alive meanwhile.
private final class ResumeOnce: @unchecked Sendable {
    // Touched only on the signal queue, after set-up on the caller's thread.
    private var continuation: CheckedContinuation<Void, Never>?
    private var sources: [any DispatchSourceSignal] = []

    init(_ continuation: CheckedContinuation<Void, Never>) {
        self.continuation = continuation
    }

    func keep(_ source: any DispatchSourceSignal) { sources.append(source) }

    func resume() {
        continuation?.resume()
        continuation = nil
    }
}
