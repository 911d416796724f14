import ArgumentParser
import Foundation
import SwitchboardEngine
import SwitchboardOutput
import SwitchboardText

/// `switchboard pending`: the open transactions, most urgent first.
struct PendingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pending",
        abstract: "List the texts still waiting for a reply, the most urgent deadline first.",
        discussion: """
            Shows every open transaction (pending, or with an unknown last outcome, or being replied to) with the
            time left before its reply window closes.

            Examples:
              switchboard pending
              switchboard pending --json | jq '.[0].id'
            """
    )

    @OptionGroup var config: ConfigOption

    @Flag(help: "Print one JSON array on stdout.")
    var json = false

    func run() async throws {
        let configuration = try config.load()
        let engine = try await makeEngine(configuration)
        let now = engine.clock.now()
        let rows: [InboxTransaction]
        let composing: [String: [ComposingMark]]
        do {
            rows = try await engine.store.transactions(.open(now: now, window: engine.window))
            composing = Dictionary(grouping: try await engine.store.composingMarks(now: now), by: \.transactionID)
        } catch {
            await engine.shutdown()
            Terminal.error("cannot read the store: \(error)")
            throw ExitStatus.operationFailed
        }
        let open = rows.filter {
            [.pending, .outcomeUnknown, .replying].contains($0.status(now: now, window: engine.window))
        }
        if json {
            Terminal.jsonStream(open, asArray: true) { row in
                var object = TransactionJSON.object(row, now: now, window: engine.window)
                if let marks = composing[row.id] {
                    object["composing_by"] = .array(marks.map { .string($0.operatorName) })
                }
                return .object(object)
            }
        } else {
            if open.isEmpty {
                Terminal.output("no texts waiting for a reply")
            } else {
                TerminalLocale.activate()  // widths come from wcwidth, which needs a UTF-8 locale
                for line in PendingTable.lines(open, composing: composing, now: now, window: engine.window) {
                    Terminal.output(line)
                }
                Terminal.note("\(open.count) open")
            }
        }
        await engine.shutdown()
    }
}

/// Builds the engine from the configuration, or exits 1 with the reason.
func makeEngine(_ configuration: SwitchboardConfiguration) async throws -> EngineContext {
    do {
        return try await EngineContext(configuration: configuration)
    } catch {
        Terminal.error("\(error)")
        throw ExitStatus.operationFailed
    }
}
