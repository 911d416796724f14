import Foundation
import Testing

/// The README's architecture tree names every folder under `Sources/`, at every depth, and no folder that does not
/// exist: a folder added, moved, renamed or removed without the tree following it fails here.
///
/// The tree is the fenced block between `<!-- architecture:begin -->` and `<!-- architecture:end -->`. Every line of
/// it is one folder: two spaces of indentation per level, the folder's name ending in `/`, then its description. A
/// folder's path is its name under the folders above it with one level less indentation, so
/// `Sources/` › `  SwitchboardEngine/` › `    Store/` is `Sources/SwitchboardEngine/Store`.
@Suite struct ReadmeArchitectureTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let begin = "<!-- architecture:begin -->"
    static let end = "<!-- architecture:end -->"

    /// One folder of the tree: its path from the package root (`Sources/SwitchboardEngine/Store`) and the README
    /// line that names it.
    struct Entry: Equatable {
        var path: String
        var line: Int
    }

    /// Why the tree could not be read, with the README line.
    struct TreeProblem: Error, CustomStringConvertible {
        var line: Int
        var reason: String

        var description: String { "README.md line \(line): \(reason)" }
    }

    @Test func everyFolderUnderSourcesIsNamedInTheTree() throws {
        let named = Set(try Self.readmeTree().map(\.path))
        #expect(named.contains("Sources"), "the README's Architecture tree starts with a top-level line `Sources/`")
        let folders = try Self.folders(under: "Sources")
        #expect(!folders.isEmpty, "found no folders under \(Self.root.appendingPathComponent("Sources").path)")
        for folder in folders where !named.contains(folder) {
            Issue.record(
                """
                \(folder)/ is not named in the README's Architecture tree: add it to the README's Architecture tree \
                (between \(Self.begin) and \(Self.end)), indented two spaces under its parent, with one line saying \
                what it holds
                """)
        }
    }

    @Test func everyFolderNamedInTheTreeExists() throws {
        for entry in try Self.readmeTree() {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(
                atPath: Self.root.appendingPathComponent(entry.path).path, isDirectory: &isDirectory)
            if !exists || !isDirectory.boolValue {
                Issue.record(
                    """
                    README.md line \(entry.line) names \(entry.path)/ in the Architecture tree, but there is no such \
                    folder: remove it from the README's Architecture tree, or rename it to match the folder
                    """)
            }
        }
    }

    @Test func pathsAreTheIndentationLevelsJoined() throws {
        let text = """
            intro
            \(Self.begin)
            ```text
            Sources/        the code
              A/            first
                B/          under A
                  C/        under B
              D/            back to the first level
            Tests/          top level again
            ```
            \(Self.end)
            """
        #expect(
            try Self.parseTree(text) == [
                Entry(path: "Sources", line: 4), Entry(path: "Sources/A", line: 5), Entry(path: "Sources/A/B", line: 6),
                Entry(path: "Sources/A/B/C", line: 7), Entry(path: "Sources/D", line: 8), Entry(path: "Tests", line: 9),
            ])
    }

    @Test(arguments: [
        ("Sources/  the code\n   Odd/  three spaces", "indent by two spaces per level"),
        ("Sources/  the code\n    Deep/  skips a level", "one level deeper than the line above"),
        ("Sources/  the code\n  NotAFolder  no slash", "a folder's name ends with `/`"),
        ("Sources/  the code\n  A/B/  two levels on one line", "one folder per line"),
        ("Sources/  the code\n  A/", "say what the folder holds"),
        ("Sources/  the code\n  A/  one\n  A/  again", "named twice"),
        ("Sources/  the code\n\tA/  a tab", "indent with spaces"),
    ])
    func aMalformedLineIsReportedWithItsLine(tree: String, reason: String) {
        let text = "\(Self.begin)\n```text\n\(tree)\n```\n\(Self.end)\n"
        let problem = #expect(throws: TreeProblem.self) { try Self.parseTree(text) }
        #expect(problem?.reason.contains(reason) == true, "\(String(describing: problem))")
        #expect(problem?.line == 4 || problem?.line == 5, "the line after `Sources/`: \(String(describing: problem))")
    }

    @Test func theMarkersAndTheFenceAreRequired() {
        #expect(throws: TreeProblem.self) { try Self.parseTree("no tree here") }
        #expect(throws: TreeProblem.self) { try Self.parseTree("\(Self.begin)\nSources/  x\n\(Self.end)") }
        #expect(throws: TreeProblem.self) { try Self.parseTree("\(Self.begin)\n```text\n```\n\(Self.end)") }
    }

    /// The README's tree.
    static func readmeTree() throws -> [Entry] {
        try parseTree(String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8))
    }

    /// Every folder under `relativePath` (at any depth, hidden ones left out), as paths from the package root.
    static func folders(under relativePath: String) throws -> [String] {
        let base = root.appendingPathComponent(relativePath)
        let baseComponents = base.standardizedFileURL.pathComponents
        guard
            let walker = FileManager.default.enumerator(
                at: base, includingPropertiesForKeys: [.isDirectoryKey], options: [.skipsHiddenFiles])
        else { throw TreeProblem(line: 0, reason: "cannot list \(base.path)") }
        var folders: [String] = []
        for case let url as URL in walker {
            guard try url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory == true else { continue }
            let below = url.standardizedFileURL.pathComponents.dropFirst(baseComponents.count)
            folders.append(([relativePath] + below).joined(separator: "/"))
        }
        return folders.sorted()
    }

    /// Reads the tree out of a README's text: the fenced block between the markers, a folder per line.
    static func parseTree(_ text: String) throws -> [Entry] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let beginIndex = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == begin }) else {
            throw TreeProblem(line: 0, reason: "no \(begin) line: the Architecture tree must sit between the markers")
        }
        guard
            let endIndex = lines[beginIndex...].firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == end })
        else { throw TreeProblem(line: beginIndex + 1, reason: "no \(end) line after \(begin)") }
        let inside = Array(beginIndex + 1..<endIndex).filter {
            !lines[$0].trimmingCharacters(in: .whitespaces).isEmpty
        }
        guard let open = inside.first, lines[open].hasPrefix("```"), let close = inside.last, close != open,
            lines[close].trimmingCharacters(in: .whitespaces) == "```"
        else {
            throw TreeProblem(
                line: beginIndex + 1, reason: "the tree between the markers must be one fenced block (```text … ```)")
        }
        var entries: [Entry] = []
        var parents: [String] = []
        for index in open + 1..<close {
            let line = lines[index]
            let number = index + 1
            if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            let indentation = line.prefix { $0 == " " || $0 == "\t" }
            if indentation.contains("\t") { throw TreeProblem(line: number, reason: "indent with spaces, not tabs") }
            guard indentation.count % 2 == 0 else {
                throw TreeProblem(line: number, reason: "indent by two spaces per level (found \(indentation.count))")
            }
            let depth = indentation.count / 2
            guard depth <= parents.count else {
                throw TreeProblem(line: number, reason: "this line is more than one level deeper than the line above")
            }
            let rest = line.dropFirst(indentation.count)
            let name = String(rest.prefix { !$0.isWhitespace })
            let description = rest.dropFirst(name.count).trimmingCharacters(in: .whitespaces)
            guard name.count > 1, name.hasSuffix("/") else {
                throw TreeProblem(line: number, reason: "`\(name)`: a folder's name ends with `/`, e.g. `Store/`")
            }
            let folder = String(name.dropLast())
            guard !folder.contains("/") else {
                throw TreeProblem(line: number, reason: "`\(name)`: one folder per line, indented under its parent")
            }
            guard !description.isEmpty else {
                throw TreeProblem(line: number, reason: "`\(name)`: say what the folder holds, after its name")
            }
            parents = Array(parents.prefix(depth)) + [folder]
            let path = parents.joined(separator: "/")
            if let earlier = entries.first(where: { $0.path == path }) {
                throw TreeProblem(line: number, reason: "\(path)/ is named twice (also on line \(earlier.line))")
            }
            entries.append(Entry(path: path, line: number))
        }
        guard !entries.isEmpty else {
            throw TreeProblem(line: open + 1, reason: "the Architecture tree names no folder")
        }
        return entries
    }
}
