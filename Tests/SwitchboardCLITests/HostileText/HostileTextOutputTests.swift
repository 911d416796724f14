import AsyncHTTPClient
import Foundation
import SwitchboardConsole
import SwitchboardText
import Testing

@testable import SwitchboardEngine

/// Issue 7, hostile text, outside the console: the corpus received by `switchboard console` into a SQLite store,
/// then read back with `pending` (table and JSON), `export` (JSON lines and CSV) and the console's log file.
/// None of them writes a control character a terminal would act on; the JSON decodes to exactly what was stored;
/// the CSV has one record a line, shows the text as the console does, and no cell a spreadsheet would run.
@Suite(.serialized) struct HostileTextOutputTests {
    @Test func pendingExportAndTheLogStayInert() async throws {
        TerminalLocale.activate()
        let corpus = try HostileCorpus.load()
        let stored = corpus.filter(\.isStored)
        let directory = try SwitchboardBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = directory.appendingPathComponent("config.toml")
        try SwitchboardBinary.writeConfig(
            "[store]\nurl = \"sqlite:\(directory.path)/inbox.sqlite\"\n[receiver]\nlisten = \"127.0.0.1:0\"\n"
                + "[tagga]\ntaggs = [\"HELP\"]\n", to: config)
        let state = directory.appendingPathComponent("state")
        let session = try TmuxSession(
            command: "env XDG_STATE_HOME=\(state.path) \(SwitchboardBinary.url.path) console --config \(config.path); "
                + "echo EXIT-STATUS=$?; sleep 60")
        defer { session.kill() }
        #expect(try await session.waitFor("receiving 127.0.0.1:"), "\(session.capture())")
        let port = try #require(session.capture().firstMatch(of: /receiving 127\.0\.0\.1:(\d+)/).flatMap { Int($0.1) })
        for entry in corpus {
            let answer = await HostileCallbackRequest.send(entry, port: port, client: .shared)
            #expect(answer.status == entry.status, "\(entry.name): \(answer.status) \(answer.body)")
        }
        let listed = try await SwitchboardBinary.waitFor { session.capture().contains(" \(stored.count) open ·") }
        #expect(listed, "\(session.capture())")
        let problems = ConsoleScreenCheck(width: 100, height: 30, port: port).problems(session.capture())
        #expect(problems.isEmpty, "\(problems)")

        let arguments = ["--config", config.path]
        try checkPendingTable(try await SwitchboardBinary.run(["pending"] + arguments), stored)
        try checkJSON(try await SwitchboardBinary.run(["pending", "--json"] + arguments), stored, lines: false)
        try checkJSON(try await SwitchboardBinary.run(["export"] + arguments), stored, lines: true)
        try checkCSV(try await SwitchboardBinary.run(["export", "--format", "csv"] + arguments), stored)

        try session.keys("q")
        #expect(try await session.waitFor("EXIT-STATUS=0"), "\(session.capture())")
        let log = try String(contentsOf: state.appendingPathComponent("switchboard/switchboard.log"), encoding: .utf8)
        #expect(Self.steering(log, allowingNewlines: true).isEmpty, "\(log.debugDescription)")
    }

    /// One line a text, the columns where the title row puts them whatever the tagg, and at most 120 columns.
    private func checkPendingTable(_ result: SwitchboardBinary.Result, _ stored: [HostileEntry]) throws {
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Self.steering(result.stdout, allowingNewlines: true).isEmpty)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == stored.count + 1, "\(result.stdout)")
        let title = try #require(lines.first)
        let idColumn = try #require(ConsoleScreenCheck.column(of: "ID", in: title))
        let messageColumn = try #require(ConsoleScreenCheck.column(of: "MESSAGE", in: title))
        for line in lines.dropFirst() {
            let cells = ConsoleScreenCheck.cells(line)
            #expect(cells.count <= messageColumn + 61, "\(cells.count) columns: \(line)")
            #expect(cells.count > messageColumn && cells[messageColumn - 1] == " ", "MESSAGE misplaced: \(line)")
        }
        // Each id where the title row says, whatever the tagg before it.
        let ids = lines.dropFirst().map { ConsoleScreenCheck.cells($0).dropFirst(idColumn).prefix(20).joined() }
        for entry in stored {
            let id = String(entry.idText.prefix(20))
            #expect(ids.contains { $0.hasPrefix(id) }, "\(entry.name): \(id) not at column \(idColumn)")
        }
    }

    /// Valid JSON (an array, or one object a line) holding exactly what was received, every control escaped.
    private func checkJSON(_ result: SwitchboardBinary.Result, _ stored: [HostileEntry], lines: Bool) throws {
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Self.steering(result.stdout, allowingNewlines: true).isEmpty)
        let objects: [[String: Any]] =
            lines
            ? try result.stdout.split(separator: "\n").map {
                try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
            }
            : try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(objects.count == stored.count, "nothing refused was stored")
        for entry in stored {
            let object = try #require(objects.first { $0["id"] as? String == entry.idText }, "\(entry.name)")
            #expect(object["message"] as? String == entry.storedMessage, "\(entry.name)")
            #expect(object["tagg"] as? String == entry.storedTagg, "\(entry.name)")
        }
    }

    /// RFC 4180, one record a line, every field as the console shows it, no cell a spreadsheet would evaluate.
    private func checkCSV(_ result: SwitchboardBinary.Result, _ stored: [HostileEntry]) throws {
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Self.steering(result.stdout, allowingNewlines: true).isEmpty)
        #expect(result.stdout.split(separator: "\n").count == stored.count + 1, "one record a line")
        var reader = CSVReader(result.stdout)
        var records: [[String]] = []
        while let record = reader.next() {
            guard case .record(let parsed) = record else {
                Issue.record("not CSV: \(record)")
                break
            }
            records.append(parsed.fields)
        }
        let header = try #require(records.first)
        #expect(records.count == stored.count + 1)
        for record in records.dropFirst() {
            #expect(record.count == header.count, "\(record)")
            for field in record {
                let first = field.unicodeScalars.first.map(Character.init)
                #expect(!"=+-@\t\r".contains(first ?? " "), "a formula cell: \(field)")
            }
        }
        let messageColumn = try #require(header.firstIndex(of: "message"))
        let idColumn = try #require(header.firstIndex(of: "id"))
        for entry in stored {
            let shown = Self.unprefixed(TextSanitizer.lineSafe(entry.idText))
            let record = try #require(records.first { Self.unprefixed($0[idColumn]) == shown }, "\(entry.name)")
            #expect(
                Self.unprefixed(record[messageColumn]) == TextSanitizer.lineSafe(entry.storedMessage), "\(entry.name)")
        }
    }

    /// A CSV cell without the `'` that keeps a spreadsheet from evaluating it.
    private static func unprefixed(_ field: String) -> String {
        guard field.hasPrefix("'"), let second = field.unicodeScalars.dropFirst().first,
            "=+-@".unicodeScalars
                .contains(second)
        else { return field }
        return String(field.dropFirst())
    }

    /// The scalars in `text` a terminal would act on: C0 (but line feeds when allowed) and C1 controls, DEL, bidi
    /// controls.
    static func steering(_ text: String, allowingNewlines: Bool) -> [Unicode.Scalar] {
        text.unicodeScalars.filter {
            !(allowingNewlines && $0 == "\n") && ConsoleScreenCheck.steersATerminal($0)
        }
    }
}
