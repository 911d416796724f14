import Foundation
import SwitchboardEngine
import SwitchboardText
import Synchronization

/// A broadcast's progress on stderr: a bar redrawn in place on a terminal, plain lines (every 10 % or 5 s)
/// otherwise, so logs stay readable.
package final class ProgressPrinter: Sendable {
    private let isTerminal: Bool
    private let state = Mutex<(lastLine: Date?, lastTenth: Int, drawn: Bool)>((nil, -1, false))

    package init(isTerminal: Bool) {
        self.isTerminal = isTerminal
    }

    package func show(_ progress: BroadcastProgress) {
        let text = Self.describe(progress)
        state.withLock { state in
            if isTerminal {
                let bar = Self.bar(progress.fraction, width: 24)
                FileHandle.standardError.write(Data("\r\u{1B}[2K\(bar) \(text)".utf8))
                state.drawn = true
                return
            }
            let tenth = Int(progress.fraction * 10)
            let due = state.lastLine.map { progress.now.timeIntervalSince($0) >= 5 } ?? true
            guard tenth != state.lastTenth || due else { return }
            state.lastTenth = tenth
            state.lastLine = progress.now
            FileHandle.standardError.write(Data("progress: \(text)\n".utf8))
        }
    }

    /// A message on a line of its own (the bar is redrawn after it).
    package func interrupt(_ message: String) {
        state.withLock { state in
            let prefix = state.drawn ? "\n" : ""
            FileHandle.standardError.write(Data("\(prefix)\(message)\n".utf8))
            state.drawn = false
        }
    }

    /// Ends the bar's line.
    package func finish() {
        state.withLock { state in
            if state.drawn { FileHandle.standardError.write(Data("\n".utf8)) }
            state.drawn = false
        }
    }

    /// `42% 420/1000 · 400 sent · 3 rejected · 1 failed · 0 unknown · 9.8/s · 1:02 left`.
    package static func describe(_ progress: BroadcastProgress) -> String {
        let tally = progress.tally
        var parts = [
            "\(Int(progress.fraction * 100))% \(tally.done)/\(tally.total)",
            "\(tally[.sent]) sent", "\(tally[.rejected]) rejected", "\(tally[.failed]) failed",
            "\(tally[.unknown]) unknown", String(format: "%.1f/s", progress.recentRate),
        ]
        if progress.paused {
            parts.append("paused")
        } else if let until = progress.throttledUntil {
            parts.append("Tagget asked to wait \(max(1, Int(until.timeIntervalSince(progress.now).rounded(.up)))) s")
        } else if let left = progress.estimatedTimeLeft {
            parts.append(TimeText.countdown(left) + " left")
        }
        if let problem = progress.lastProblem { parts.append("last problem: " + TextSanitizer.lineSafe(problem)) }
        return parts.joined(separator: " · ")
    }

    /// `[#########---------------]`.
    package static func bar(_ fraction: Double, width: Int) -> String {
        let filled = max(0, min(width, Int((fraction * Double(width)).rounded(.down))))
        return "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "]"
    }
}
