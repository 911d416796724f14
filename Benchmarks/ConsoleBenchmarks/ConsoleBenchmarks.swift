import SwitchboardText
import Benchmark
import Foundation
import SwitchboardConsole
import SwitchboardEngine

/// A console state with `count` open texts spread over the reply window, at `width`×`height`.
private func inboxState(count: Int, width: Int, height: Int) -> ConsoleState {
    TerminalLocale.activate()
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    var state = ConsoleState(window: ReplyWindow(), now: now, width: width, height: height)
    let transactions = (0..<count).map { index in
        InboxTransaction(
            id: "bench-\(index)", tagg: ["HELP", "PIZZA", "INFO"][index % 3],
            message: index % 7 == 0 ? "Привет! Когда вы открываетесь? 🍕" : "Where is my order? It's been \(index % 90) min",
            receivedAt: now.addingTimeInterval(-Double(index % 1790)))
    }
    _ = ConsoleUpdate.update(&state, .inboxLoaded(transactions))
    return state
}

/// Renders and diffs one frame per iteration, each `step` seconds after the last, so countdowns change.
private func renderFrames(_ benchmark: Benchmark, count: Int, width: Int, height: Int, step: TimeInterval) {
    var state = inboxState(count: count, width: width, height: height)
    var previous = ConsoleRenderer.render(state)
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations {
        state.now = state.now.addingTimeInterval(step)
        let frame = ConsoleRenderer.render(state)
        blackHole(frame.changes(since: previous))
        previous = frame
    }
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident], maxDuration: .seconds(5), maxIterations: 500)

    Benchmark("Render + diff one frame, 10,000 pending, 200×60") { benchmark in
        renderFrames(benchmark, count: 10_000, width: 200, height: 60, step: 1)
    }

    Benchmark("Render + diff one frame, 1,000 pending, 80×24") { benchmark in
        renderFrames(benchmark, count: 1_000, width: 80, height: 24, step: 0.1)
    }

    Benchmark("Load 100,000 texts into the console state") { benchmark in
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let rows = (0..<100_000).map { index in
            InboxTransaction(
                id: "bench-\(index)", tagg: "HELP", message: "Where is my order?",
                receivedAt: now.addingTimeInterval(-Double(index % 1790)))
        }
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            var state = ConsoleState(window: ReplyWindow(), now: now, width: 120, height: 40)
            blackHole(ConsoleUpdate.update(&state, .inboxLoaded(rows)))
            blackHole(ConsoleRenderer.render(state))
        }
    }
}
