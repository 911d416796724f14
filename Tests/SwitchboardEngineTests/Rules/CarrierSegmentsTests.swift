import Testing

@testable import SwitchboardEngine

private func repeated(_ text: String, _ count: Int) -> String {
    String(repeating: text, count: count)
}

struct CarrierSegmentsTests {
    /// body, encoding, units, segments, units per segment
    @Test(
        arguments: [
            ("", SegmentEncoding.gsm7, 0, 0, 160),
            ("Hello world", .gsm7, 11, 1, 160),
            (repeated("a", 160), .gsm7, 160, 1, 160),
            (repeated("a", 161), .gsm7, 161, 2, 153),
            (repeated("a", 306), .gsm7, 306, 2, 153),
            (repeated("a", 307), .gsm7, 307, 3, 153),
            (repeated("€", 80), .gsm7, 160, 1, 160),
            (repeated("€", 81), .gsm7, 162, 2, 153),
            (repeated("]", 153), .gsm7, 306, 3, 153),
            (repeated("Ж", 70), .ucs2, 70, 1, 70),
            (repeated("Ж", 71), .ucs2, 71, 2, 67),
            (repeated("😀", 35), .ucs2, 70, 1, 70),
            (repeated("a", 134) + "’", .ucs2, 135, 3, 67),
        ] as [(String, SegmentEncoding, Int, Int, Int)])
    func encodingUnitsAndSegmentCount(
        body: String, encoding: SegmentEncoding, units: Int, segments: Int, perSegment: Int
    ) {
        let report = SegmentCalculator.calculate(body)
        #expect(report.encoding == encoding)
        #expect(report.units == units)
        #expect(report.segmentCount == segments)
        #expect(report.unitsPerSegment == perSegment)
        #expect(report.parts.joined() == body)
    }

    @Test func escapePairsAreNeverSplit() {
        let report = SegmentCalculator.calculate(repeated("]", 153))
        #expect(report.parts.map(\.count) == [76, 76, 1])
    }

    @Test func escapePairAtTheBoundaryMovesToTheNextPart() {
        let report = SegmentCalculator.calculate(repeated("a", 152) + "€" + repeated("b", 10))
        #expect(report.units == 164)
        #expect(report.parts == [repeated("a", 152), "€" + repeated("b", 10)])
    }

    @Test func plainGSMFillsPartsTo153() {
        let report = SegmentCalculator.calculate(repeated("a", 161))
        #expect(report.parts.map(\.count) == [153, 8])
    }

    @Test func flagStraddlingThe67BoundaryMovesToTheNextPart() {
        let body = repeated("Ж", 65) + "🇫🇷" + repeated("Ж", 10)
        let report = SegmentCalculator.calculate(body)
        #expect(report.units == 79)
        #expect(report.parts == [repeated("Ж", 65), "🇫🇷" + repeated("Ж", 10)])
    }

    @Test func zwjSequenceIsKeptWhole() {
        let family = "👨‍👩‍👧‍👦"
        let body = repeated("Ж", 60) + family + repeated("Ж", 5)
        let report = SegmentCalculator.calculate(body)
        #expect(family.utf16.count == 11)
        #expect(report.parts == [repeated("Ж", 60), family + repeated("Ж", 5)])
    }

    @Test func surrogatePairIsNeverSplit() {
        let report = SegmentCalculator.calculate(repeated("Ж", 66) + "😀" + repeated("Ж", 5))
        #expect(report.units == 73)
        #expect(report.parts == [repeated("Ж", 66), "😀" + repeated("Ж", 5)])
    }

    @Test func graphemeLargerThanAPartIsCutAtScalarBoundaries() {
        let huge = "a" + repeated("\u{301}", 99)
        #expect(huge.count == 1)
        let report = SegmentCalculator.calculate("Ж" + huge)
        #expect(report.encoding == .ucs2)
        #expect(report.units == 101)
        #expect(report.parts.map(\.utf16.count) == [67, 34])
        #expect(report.parts.joined() == "Ж" + huge)
    }
}
