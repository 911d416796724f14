/// A validated Tagget send body: 1 to 1600 characters.
///
/// Characters are Swift `Character`s (grapheme clusters: an emoji, a flag or an accented letter counts 1),
/// which is what a person counts; carrier segments are reported separately by `segments`. The text is kept
/// verbatim; a body of only whitespace is refused as blank.
package struct SendBody: Sendable, Hashable {
    /// The body as it is sent.
    package let text: String

    /// The most characters a body may have.
    package static let maximumLength = 1600

    package init(validating raw: String) throws(SendBodyError) {
        guard !raw.isEmpty else { throw .empty }
        guard raw.contains(where: { !$0.isWhitespace }) else { throw .blank }
        let count = raw.count
        guard count <= Self.maximumLength else { throw .tooLong(count: count) }
        text = raw
    }

    /// The length in characters.
    package var characterCount: Int { text.count }

    /// How the carrier splits and bills the body.
    package var segments: SegmentReport { SegmentCalculator.calculate(text) }
}
