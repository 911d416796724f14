/// The physical lines of a text, without their line breaks: LF, CRLF and a lone CR each end a line.
///
/// A leading UTF-8 byte order mark is skipped. A final line break does not start another line. Lines are
/// cut on UTF-8 bytes (the breaks are ASCII), so reading is linear.
struct PlainTextLines: Sequence {
    private let bytes: [UInt8]

    /// The lines of `text`.
    init(_ text: String) {
        let utf8 = Array(text.utf8)
        bytes = utf8.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(utf8.dropFirst(3)) : utf8
    }

    /// An iterator over the lines.
    func makeIterator() -> Iterator { Iterator(bytes: bytes) }

    /// Yields one line at a time.
    struct Iterator: IteratorProtocol {
        let bytes: [UInt8]
        var index = 0

        /// The next line, or nil after the last.
        mutating func next() -> String? {
            guard index < bytes.count else { return nil }
            let start = index
            while index < bytes.count, bytes[index] != UInt8(ascii: "\n"), bytes[index] != UInt8(ascii: "\r") {
                index += 1
            }
            let line = String(decoding: bytes[start..<index], as: UTF8.self)
            if index < bytes.count {
                let isCarriageReturn = bytes[index] == UInt8(ascii: "\r")
                index += 1
                if isCarriageReturn, index < bytes.count, bytes[index] == UInt8(ascii: "\n") { index += 1 }
            }
            return line
        }
    }
}
