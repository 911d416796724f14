import CNCurses
import Dispatch
import Foundation

/// SIGINT, SIGTERM, SIGHUP and SIGQUIT (Ctrl-\ in cbreak mode) while the console runs: the UI loop is asked to quit, so ncurses is ended properly.
final class TerminationSignals {
    private let sources: [any DispatchSourceSignal]

    init(onSignal: @escaping @Sendable () -> Void) {
        var sources: [any DispatchSourceSignal] = []
        for number in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler(handler: onSignal)
            source.resume()
            sources.append(source)
        }
        self.sources = sources
    }

    func restore() {
        for source in sources { source.cancel() }
        for number in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] { signal(number, SIG_DFL) }
    }
}

/// On a crash signal, give the terminal back before dying (best effort: the process is going down anyway).
enum CrashRestore {
    static func install() {
        for number in [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP] {
            signal(number) { received in
                NCursesScreen.writeToTerminal(NCursesScreen.bracketedPasteOff)
                endwin()
                signal(received, SIG_DFL)
                raise(received)
            }
        }
    }
}
