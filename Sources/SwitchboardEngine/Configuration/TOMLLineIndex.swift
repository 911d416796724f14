import Foundation

/// The line on which each key and table of a TOML text is written, since TOMLKit's values carry no positions.
///
/// A light scan, not a parser: it follows `[table]` and `[[table]]` headers, `key =` and `dotted.key =` lines
/// (bare or quoted keys), and skips over multi-line strings and arrays so that their contents are not mistaken
/// for keys. Run it only on text that TOMLKit has parsed.
struct TOMLLineIndex {
    private var lines: [String: Int] = [:]
    /// The text's lines, to find what is written inside a value that spans several.
    private let textLines: [Substring]

    init(text: String) {
        textLines = Self.lines(of: text)
        var table: [String] = []
        var scanner = ValueScanner()
        for (offset, rawLine) in textLines.enumerated() {
            let lineNumber = offset + 1
            guard scanner.isBetweenStatements else {
                scanner.scan(rawLine[...])
                continue
            }
            let line = rawLine.drop { $0 == " " || $0 == "\t" }
            if line.hasPrefix("[") {
                let isArray = line.hasPrefix("[[")
                var rest = line.dropFirst(isArray ? 2 : 1)
                if let path = Self.keyPath(&rest) {
                    table = path
                    record(path, line: lineNumber)
                }
            } else if !line.isEmpty, !line.hasPrefix("#") {
                var rest = line
                guard let path = Self.keyPath(&rest), rest.first == "=" else { continue }
                for length in 1...path.count {
                    record(table + path.prefix(length), line: lineNumber)
                }
                scanner.scan(rest.dropFirst())
            }
        }
    }

    /// The line of `path` (e.g. `tagga.reply_window`), or of its nearest enclosing key or table.
    func line(of path: String) -> Int? {
        var components = path.split(separator: ".").map(String.init)
        while !components.isEmpty {
            if let line = lines[components.joined(separator: ".")] { return line }
            components.removeLast()
        }
        return nil
    }

    /// The first line from `path`'s on that contains `token` (an item of a list written over several lines), else
    /// `path`'s line.
    func line(of path: String, containing token: String) -> Int? {
        guard let start = line(of: path) else { return nil }
        let found = textLines.indices.dropFirst(start - 1).first { textLines[$0].contains(token) }
        return found.map { $0 + 1 } ?? start
    }

    /// The lines of `text`, split at LF or CRLF (Swift treats CRLF as one character).
    private static func lines(of text: String) -> [Substring] {
        text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
    }

    private mutating func record(_ path: [String], line: Int) {
        let key = path.joined(separator: ".")
        if lines[key] == nil { lines[key] = line }
    }

    /// Reads `a.b."c d"` from the front of `text`, leaving `text` after it (and after any spaces).
    private static func keyPath(_ text: inout Substring) -> [String]? {
        var path: [String] = []
        while true {
            text = text.drop { $0 == " " || $0 == "\t" }
            guard let segment = keySegment(&text) else { return nil }
            path.append(segment)
            text = text.drop { $0 == " " || $0 == "\t" }
            guard text.first == "." else { return path }
            text = text.dropFirst()
        }
    }

    private static func keySegment(_ text: inout Substring) -> String? {
        if let quote = text.first, quote == "\"" || quote == "'" {
            let body = text.dropFirst()
            guard let close = body.firstIndex(of: quote) else { return nil }
            text = body[body.index(after: close)...]
            return String(body[..<close])
        }
        let bare = text.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }
        guard !bare.isEmpty else { return nil }
        text = text.dropFirst(bare.count)
        return String(bare)
    }
}

/// Follows a value across lines: open brackets and braces, and an open multi-line string.
private struct ValueScanner {
    private var depth = 0
    private var openString: String?

    /// True when the next line starts a new statement rather than continuing a value.
    var isBetweenStatements: Bool { depth <= 0 && openString == nil }

    mutating func scan(_ text: Substring) {
        var rest = text
        if let delimiter = openString {
            guard let close = rest.range(of: delimiter) else { return }
            openString = nil
            rest = rest[close.upperBound...]
        }
        while let character = rest.first {
            if character == "#" { return }
            if rest.hasPrefix("\"\"\"") || rest.hasPrefix("'''") {
                let delimiter = String(rest.prefix(3))
                let body = rest.dropFirst(3)
                guard let close = body.range(of: delimiter) else {
                    openString = delimiter
                    return
                }
                rest = body[close.upperBound...]
                continue
            }
            if character == "\"" || character == "'" {
                rest = Self.skipString(rest.dropFirst(), quote: character)
                continue
            }
            if character == "[" || character == "{" { depth += 1 }
            if character == "]" || character == "}" { depth -= 1 }
            rest = rest.dropFirst()
        }
    }

    /// The text after the closing quote of a one-line string (backslash escapes count in basic strings).
    private static func skipString(_ text: Substring, quote: Character) -> Substring {
        var rest = text
        while let character = rest.first {
            rest = rest.dropFirst()
            if character == "\\", quote == "\"" {
                rest = rest.dropFirst()
            } else if character == quote {
                return rest
            }
        }
        return rest
    }
}
