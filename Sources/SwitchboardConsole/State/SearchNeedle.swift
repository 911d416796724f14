import SwitchboardEngine
import SwitchboardText

/// A search as the inbox applies it to the texts it holds: lower-cased, matched against each text as it is shown
/// (sanitized: a word split by an invisible character is found as it reads). Printable ASCII, which most texts
/// are, is compared byte by byte with the case folded on the fly: Foundation's `contains` made a search over a
/// working set of 24,000 texts take a third of a second.
struct SearchNeedle {
    let text: String
    private let bytes: [UInt8]
    private let isASCII: Bool

    init(_ search: String) {
        text = search.lowercased()
        bytes = Array(text.utf8)
        isASCII = bytes.allSatisfy { $0 < 0x80 }
    }

    var isEmpty: Bool { bytes.isEmpty }

    /// Whether the text's message, id or tagg contains the search.
    func matches(_ transaction: InboxTransaction) -> Bool {
        isFound(in: transaction.message) || isFound(in: transaction.id) || isFound(in: transaction.tagg)
    }

    private func isFound(in haystack: String) -> Bool {
        if isASCII, CharacterWidth.isPrintableASCII(haystack) {
            var copy = haystack
            return copy.withUTF8 { Self.foldedContains($0, bytes) }
        }
        return TextSanitizer.lineSafe(haystack).lowercased().contains(text)
    }

    /// Whether `haystack`, ASCII letters lower-cased, contains `needle` (already lower case).
    private static func foldedContains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        guard let first = needle.first else { return true }
        var start = 0
        let last = haystack.count - needle.count
        while start <= last {
            if fold(haystack[start]) == first {
                var offset = 1
                while offset < needle.count, fold(haystack[start + offset]) == needle[offset] { offset += 1 }
                if offset == needle.count { return true }
            }
            start += 1
        }
        return false
    }

    private static func fold(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
}
