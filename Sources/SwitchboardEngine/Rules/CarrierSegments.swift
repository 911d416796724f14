/// How a carrier encodes an SMS body: GSM-7 when every character allows it, UCS-2 otherwise.
package enum SegmentEncoding: String, Sendable, Hashable, CaseIterable {
    case gsm7
    case ucs2

    /// Units that fit in a message sent as one SMS (160 septets, 70 UTF-16 units).
    package var singleSegmentUnits: Int { self == .gsm7 ? 160 : 70 }

    /// Units per part once the message is split (the user-data header takes the rest): 153 or 67.
    package var multiSegmentUnits: Int { self == .gsm7 ? 153 : 67 }
}

/// How a send body travels: its encoding, its size, and the text of each part.
package struct SegmentReport: Sendable, Hashable {
    /// GSM-7 or UCS-2.
    package let encoding: SegmentEncoding
    /// Septets for GSM-7 (an extension character counts 2), UTF-16 code units for UCS-2.
    package let units: Int
    /// The text of each part, in order; empty for an empty body.
    package let parts: [String]
    /// The capacity of one part: 160 / 70 for a single SMS, 153 / 67 once split.
    package let unitsPerSegment: Int

    package init(encoding: SegmentEncoding, units: Int, parts: [String], unitsPerSegment: Int) {
        self.encoding = encoding
        self.units = units
        self.parts = parts
        self.unitsPerSegment = unitsPerSegment
    }

    /// How many SMS the carrier bills; 0 for an empty body.
    package var segmentCount: Int { parts.count }
}

/// Splits a send body into carrier segments, after Twilio's message-segment-calculator.
///
/// A GSM escape pair (an extension character) is never split across parts. In UCS-2 a grapheme (emoji,
/// flag, ZWJ sequence) is never split; only a single grapheme larger than a whole part is cut, at scalar
/// boundaries (a surrogate pair is never cut).
package enum SegmentCalculator {
    /// The encoding, units and parts of `body`.
    package static func calculate(_ body: String) -> SegmentReport {
        let encoding: SegmentEncoding = GSMAlphabet.canEncode(body) ? .gsm7 : .ucs2
        let pieces = encoding == .gsm7 ? gsmPieces(body) : ucs2Pieces(body)
        let units = pieces.reduce(0) { $0 + $1.units }
        if units <= encoding.singleSegmentUnits {
            return SegmentReport(
                encoding: encoding, units: units, parts: body.isEmpty ? [] : [body],
                unitsPerSegment: encoding.singleSegmentUnits)
        }
        let capacity = encoding.multiSegmentUnits
        var parts: [String] = []
        var current = ""
        var currentUnits = 0
        for piece in pieces {
            if currentUnits + piece.units > capacity, currentUnits > 0 {
                parts.append(current)
                current = ""
                currentUnits = 0
            }
            current += piece.text
            currentUnits += piece.units
        }
        if currentUnits > 0 { parts.append(current) }
        return SegmentReport(encoding: encoding, units: units, parts: parts, unitsPerSegment: capacity)
    }

    /// An indivisible run of text and its cost in the message's encoding.
    private struct Piece {
        let text: String
        let units: Int
    }

    /// GSM-7 splits between any two characters of the alphabet; each scalar is one of them.
    private static func gsmPieces(_ body: String) -> [Piece] {
        body.unicodeScalars.map { Piece(text: String($0), units: GSMAlphabet.septets(for: $0) ?? 0) }
    }

    /// UCS-2 keeps graphemes whole unless one alone overflows a part.
    private static func ucs2Pieces(_ body: String) -> [Piece] {
        var pieces: [Piece] = []
        for character in body {
            let units = character.utf16.count
            if units <= SegmentEncoding.ucs2.multiSegmentUnits {
                pieces.append(Piece(text: String(character), units: units))
            } else {
                for scalar in character.unicodeScalars {
                    pieces.append(Piece(text: String(scalar), units: scalar.utf16.count))
                }
            }
        }
        return pieces
    }
}
