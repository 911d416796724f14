import ArgumentParser
import Foundation
import SwitchboardConsole
import SwitchboardEngine

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
            printTable(open, composing: composing, now: now, window: engine.window)
        }
        await engine.shutdown()
    }

    /// The table; the status says who is sending, or writing a reply in a console, as the console shows it. Columns
    /// are measured in terminal columns, so a wide tagg or text keeps the others in place.
    private func printTable(
        _ rows: [InboxTransaction], composing: [String: [ComposingMark]], now: Date, window: ReplyWindow
    ) {
        guard !rows.isEmpty else {
            Terminal.output("no texts waiting for a reply")
            return
        }
        TerminalLocale.activate()  // widths come from wcwidth, which needs a UTF-8 locale
        Terminal.output("LEFT    STATUS           TAGG        ID                    MESSAGE")
        for row in rows {
            let left = ConsoleFormat.countdown(window.timeLeft(receivedAt: row.receivedAt, now: now))
            Terminal.output(
                left.padded(8)
                    + ConsoleFormat.statusColumn(
                        row, status: row.status(now: now, window: window), composers: composing[row.id] ?? [],
                        width: 16
                    ).0.padded(17)
                    + TextLayout.padLineSafe(row.tagg, to: 11) + " " + TextLayout.padLineSafe(row.id, to: 21) + " "
                    + TextLayout.padLineSafe(row.message, to: 61).trimmingSuffix(" "))
        }
        Terminal.note("\(rows.count) open")
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

extension String {
    /// Left-aligned in `width` terminal columns, cut with `…` if longer, with a space kept after it.
    func padded(_ width: Int) -> String {
        TextLayout.pad(self, to: width - 1) + " "
    }

    /// Without the trailing run of `character`.
    func trimmingSuffix(_ character: Character) -> String {
        var text = Substring(self)
        while text.last == character { text = text.dropLast() }
        return String(text)
    }
}
