import Foundation

/// Type-to-filter matching, as in fzf and the pickers of editors: every character typed must appear in order
/// (case and accents aside); a closer, earlier match scores higher. An empty needle matches everything.
package enum FuzzyMatch {
    /// The score of `needle` in `haystack` (higher is better), or nil when it does not match.
    package static func score(_ needle: String, in haystack: String) -> Int? {
        let wanted = Array(fold(needle).filter { !$0.isWhitespace })
        guard !wanted.isEmpty else { return 0 }
        let text = Array(fold(haystack))
        var score = 0
        var next = 0
        var previousMatch: Int?
        for (offset, character) in text.enumerated() where next < wanted.count && character == wanted[next] {
            score += 10
            if let previous = previousMatch, previous == offset - 1 { score += 15 }
            if offset == 0 || !text[offset - 1].isLetter { score += 8 }
            if next == 0 { score -= min(offset, 20) }
            previousMatch = offset
            next += 1
        }
        return next == wanted.count ? score : nil
    }

    private static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}
