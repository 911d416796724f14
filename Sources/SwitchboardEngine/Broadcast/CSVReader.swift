/// Reads RFC 4180 CSV record by record, tracking physical line numbers.
///
/// Fields are separated by `,`; records by CRLF, LF or a lone CR. A field that starts with `"` is quoted:
/// it may hold `,` and line breaks, and `""` inside it is one `"`. Leniencies: a `"` inside an unquoted
/// field is kept as is, and text between a closing quote and the next separator is kept after the quoted
/// text. A leading UTF-8 byte order mark is skipped. A quote that never closes gives `.unterminatedQuote`
/// and reading resumes on the line after the one with the opening quote.
///
/// The reader works on UTF-8 bytes (every delimiter is ASCII, so it never splits a character) in one pass.
struct CSVReader {
    private static let quote = UInt8(ascii: "\"")
    private static let comma = UInt8(ascii: ",")
    private static let carriageReturn = UInt8(ascii: "\r")
    private static let lineFeed = UInt8(ascii: "\n")
    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    private let bytes: [UInt8]
    private var index: Int
    private var line = 1

    /// A reader over `text`.
    init(_ text: String) {
        bytes = Array(text.utf8)
        index = bytes.starts(with: Self.byteOrderMark) ? Self.byteOrderMark.count : 0
    }

    /// The next record, or nil at the end of the input. An empty line gives a record of one empty field.
    mutating func next() -> CSVReadResult? {
        guard index < bytes.count else { return nil }
        let recordLine = line
        let recordStart = index
        var fields: [String] = []
        while true {
            if index < bytes.count, bytes[index] == Self.quote {
                guard let field = readQuotedField() else {
                    return .unterminatedQuote(line: recordLine, raw: lineText(from: recordStart))
                }
                fields.append(field)
            } else {
                fields.append(String(decoding: bytes[index..<endOfField()], as: UTF8.self))
            }
            guard index < bytes.count else { break }
            guard bytes[index] == Self.comma else {
                consumeLineBreak()
                break
            }
            index += 1
        }
        return .record(CSVRecord(line: recordLine, fields: fields))
    }

    /// Moves `index` to the next `,`, line break or end, and returns that position.
    private mutating func endOfField() -> Int {
        while index < bytes.count, !isSeparator(bytes[index]) { index += 1 }
        return index
    }

    /// Reads a quoted field from its opening quote; nil (and `index` on the line after the quote's) when
    /// the quote never closes.
    private mutating func readQuotedField() -> String? {
        let openingIndex = index
        let openingLine = line
        var field: [UInt8] = []
        index += 1
        while index < bytes.count {
            let byte = bytes[index]
            if byte == Self.quote {
                if index + 1 < bytes.count, bytes[index + 1] == Self.quote {
                    field.append(Self.quote)
                    index += 2
                    continue
                }
                index += 1
                let trailingStart = index
                field.append(contentsOf: bytes[trailingStart..<endOfField()])
                return String(decoding: field, as: UTF8.self)
            }
            if isLineBreakEnd(at: index) { line += 1 }
            field.append(byte)
            index += 1
        }
        index = openingIndex
        while index < bytes.count, !isLineBreakByte(bytes[index]) { index += 1 }
        consumeLineBreak()
        line = openingLine + 1
        return nil
    }

    /// Steps over one line break (CRLF counts as one) at `index`, if there is one.
    private mutating func consumeLineBreak() {
        guard index < bytes.count else { return }
        if bytes[index] == Self.carriageReturn {
            index += 1
            if index < bytes.count, bytes[index] == Self.lineFeed { index += 1 }
            line += 1
        } else if bytes[index] == Self.lineFeed {
            index += 1
            line += 1
        }
    }

    /// Whether the byte at `position` ends a line: a LF, or a CR not followed by LF.
    private func isLineBreakEnd(at position: Int) -> Bool {
        switch bytes[position] {
        case Self.lineFeed: return true
        case Self.carriageReturn: return position + 1 >= bytes.count || bytes[position + 1] != Self.lineFeed
        default: return false
        }
    }

    /// The text from `start` to the end of its line.
    private func lineText(from start: Int) -> String {
        var end = start
        while end < bytes.count, !isLineBreakByte(bytes[end]) { end += 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    private func isSeparator(_ byte: UInt8) -> Bool {
        byte == Self.comma || isLineBreakByte(byte)
    }

    private func isLineBreakByte(_ byte: UInt8) -> Bool {
        byte == Self.lineFeed || byte == Self.carriageReturn
    }
}
