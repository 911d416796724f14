import Foundation

@testable import SwitchboardEngine

/// The hostile-text corpus in Tests/Fixtures/HostileText (written by its generate.py): callbacks whose message, tagg
/// or transaction id attack a terminal, a layout, a CSV or a JSON reader, each named for what it attacks.
struct HostileEntry: Sendable {
    /// How the callback's fields travel.
    enum BodyFormat: String, Sendable {
        case form, multipart, json, get
    }

    var name: String
    var id: [UInt8]
    var tagg: [UInt8]
    var message: [UInt8]
    var format: BodyFormat
    /// The status the receiver must answer.
    var status: Int
    /// For a refused callback, the field its 400 must name.
    var refusedField: String?
    /// A piece of what the console shows for it (the inert form), when it is stored.
    var shows: String?

    var isStored: Bool { status == 200 }

    /// The id as stored (ids are printable ASCII).
    var idText: String { String(decoding: id, as: UTF8.self) }

    /// The message and tagg as the receiver stores them: UTF-8, or else Windows-1252; NUL as ␀.
    var storedMessage: String { CallbackParser.storable(Windows1252.decodeText(message).text) }
    var storedTagg: String { CallbackParser.storable(Windows1252.decodeText(tagg).text) }
}

enum HostileCorpus {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/HostileText")

    /// Every entry of manifest.tsv, in order.
    static func load() throws -> [HostileEntry] {
        let manifest = try String(contentsOf: directory.appendingPathComponent("manifest.tsv"), encoding: .utf8)
        return try manifest.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard columns.count == 5, let format = HostileEntry.BodyFormat(rawValue: columns[2]) else {
                throw CocoaError(.fileReadCorruptFile)
            }
            let name = columns[0]
            let status = columns[3].split(separator: " ")
            return HostileEntry(
                name: name,
                id: columns[1] == "@file" ? try bytes("ids", name) : Array(columns[1].utf8),
                tagg: (try? bytes("taggs", name)) ?? Array("HELP".utf8),
                message: try bytes("messages", name), format: format, status: Int(status[0]) ?? 0,
                refusedField: status.count > 1 ? String(status[1]) : nil,
                shows: columns[4] == "-" ? nil : columns[4])
        }
    }

    private static func bytes(_ folder: String, _ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: directory.appendingPathComponent("\(folder)/\(name).bin")))
    }
}
