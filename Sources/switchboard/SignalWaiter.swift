import Dispatch
import Foundation
import Synchronization

/// Waits for SIGINT or SIGTERM, so long-running commands can shut down cleanly. Returns early if the waiting task
/// is cancelled. After the first signal the default handlers are back: a second Ctrl-C stops a stuck shutdown.
enum SignalWaiter {
    static func waitForTermination() async {
        let waiter = SignalWait()
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                waiter.start(continuation)
            }
        } onCancel: {
            waiter.finish()
        }
    }
}

/// One wait: its signal sources and its continuation, resumed exactly once.
private final class SignalWait: Sendable {
    private struct State {
        var continuation: CheckedContinuation<Void, Never>?
        var sources: [any DispatchSourceSignal] = []
        var finished = false
    }

    private let state = Mutex(State())
    private let queue = DispatchQueue(label: "switchboard.signals")

    func start(_ continuation: CheckedContinuation<Void, Never>) {
        let alreadyFinished = state.withLock { state -> Bool in
            guard !state.finished else { return true }
            state.continuation = continuation
            for signalNumber in [SIGINT, SIGTERM] {
                signal(signalNumber, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
                source.setEventHandler { [weak self] in self?.finish() }
                source.resume()
                state.sources.append(source)
            }
            return false
        }
        if alreadyFinished { continuation.resume() }
    }

    func finish() {
        let (continuation, sources) = state.withLock { state in
            defer {
                state.finished = true
                state.continuation = nil
                state.sources = []
            }
            return (state.continuation, state.sources)
        }
        for source in sources { source.cancel() }
        if !sources.isEmpty {
            signal(SIGINT, SIG_DFL)
            signal(SIGTERM, SIG_DFL)
        }
        continuation?.resume()
    }
}
