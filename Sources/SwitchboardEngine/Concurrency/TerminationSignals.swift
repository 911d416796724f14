import Dispatch
import Foundation
import Synchronization

/// The one way Switchboard hears SIGINT, SIGTERM and their like: while an instance lives, the signals it names are
/// ignored by the process and reported to `onSignal` instead, until ``restore()`` gives them their default
/// handlers back. The console uses it to quit its UI loop cleanly; `serve`, `simulate` and `broadcast` wait on
/// ``waitForTermination(_:)``.
package final class TerminationSignals: Sendable {
    /// What the console quits on: Ctrl-C, `kill`, a closed terminal, and Ctrl-\ (SIGQUIT in cbreak mode).
    package static let console: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]
    /// What the long-running headless commands stop on.
    package static let service: [Int32] = [SIGINT, SIGTERM]

    private let numbers: [Int32]
    private let sources: Mutex<[any DispatchSourceSignal]>

    package init(_ numbers: [Int32], onSignal: @escaping @Sendable () -> Void) {
        self.numbers = numbers
        var sources: [any DispatchSourceSignal] = []
        for number in numbers {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler(handler: onSignal)
            source.resume()
            sources.append(source)
        }
        self.sources = Mutex(sources)
    }

    /// Stops listening and gives the signals their default handlers back (once; later calls do nothing).
    package func restore() {
        let cancelled = sources.withLock { sources in
            defer { sources = [] }
            return sources
        }
        guard !cancelled.isEmpty else { return }
        for source in cancelled { source.cancel() }
        for number in numbers { signal(number, SIG_DFL) }
    }

    /// Returns at the first of `numbers` (or when the waiting task is cancelled). The default handlers are back
    /// from then on, so a second Ctrl-C stops a shutdown that hangs.
    package static func waitForTermination(_ numbers: [Int32] = service) async {
        let wait = SignalWait()
        let signals = TerminationSignals(numbers) { wait.finish() }
        await withTaskCancellationHandler {
            await withCheckedContinuation { wait.start($0) }
        } onCancel: {
            wait.finish()
        }
        signals.restore()
    }
}

/// One wait for a signal: its continuation, resumed exactly once, however the signal and the wait interleave.
private final class SignalWait: Sendable {
    private let state = Mutex<(continuation: CheckedContinuation<Void, Never>?, finished: Bool)>((nil, false))

    func start(_ continuation: CheckedContinuation<Void, Never>) {
        let finished = state.withLock { state in
            if !state.finished { state.continuation = continuation }
            return state.finished
        }
        if finished { continuation.resume() }
    }

    func finish() {
        let continuation = state.withLock { state in
            defer {
                state.finished = true
                state.continuation = nil
            }
            return state.continuation
        }
        continuation?.resume()
    }
}
