import Testing

@testable import SwitchboardEngine

private func repeated(_ text: String, _ count: Int) -> String {
    String(repeating: text, count: count)
}

struct ReplyLengthRuleTests {
    /// message, paid, used, limit, charset, firstCharacterOverLimit
    @Test(
        arguments: [
            ("", false, 0, 100, ReplyCharset.latin, nil),
            ("Hello", false, 5, 100, .latin, nil),
            ("€", false, 2, 100, .latin, nil),
            ("[x]{y}", false, 10, 100, .latin, nil),
            ("a\r\nb", false, 4, 100, .latin, nil),
            ("It’s", false, 4, 50, .other, nil),
            ("😀", false, 2, 50, .other, nil),
            ("Hi 👍🏽", false, 7, 50, .other, nil),
            (repeated("a", 100), false, 100, 100, .latin, nil),
            (repeated("a", 101), false, 101, 100, .latin, 100),
            (repeated("a", 99) + "€", false, 101, 100, .latin, 99),
            (repeated("€", 51), false, 102, 100, .latin, 50),
            (repeated("a", 140), true, 140, 140, .latin, nil),
            (repeated("a", 141), true, 141, 140, .latin, 140),
            (repeated("Ж", 50), false, 50, 50, .other, nil),
            (repeated("Ж", 51), false, 51, 50, .other, 50),
            (repeated("Ж", 49) + "😀", false, 51, 50, .other, 49),
            (repeated("Ж", 70), true, 70, 70, .other, nil),
            (repeated("Ж", 71), true, 71, 70, .other, 70),
        ] as [(String, Bool, Int, Int, ReplyCharset, Int?)])
    func countsAndLimits(
        message: String, paid: Bool, used: Int, limit: Int, charset: ReplyCharset, firstOver: Int?
    ) {
        let report = ReplyLengthRule.evaluate(message, paid: paid)
        #expect(report.used == used)
        #expect(report.limit == limit)
        #expect(report.charset == charset)
        #expect(report.paid == paid)
        #expect(report.isWithinLimit == (used <= limit))
        #expect(report.overBy == max(0, used - limit))
        #expect(report.firstCharacterOverLimit == firstOver)
    }

    @Test func curlyApostropheIsReportedWithPositionAndSuggestion() throws {
        let report = ReplyLengthRule.evaluate("It’s ok", paid: false)
        #expect(report.charset == .other)
        let offender = try #require(report.offenders.first)
        #expect(report.offenders.count == 1)
        #expect(offender.character == "’")
        #expect(offender.scalars == ["\u{2019}"])
        #expect(offender.positions == [2])
        #expect(offender.displayName == "’ U+2019")
        #expect(offender.suggestedReplacement == "'")
        #expect(report.lengthIfReplaced == 7)
        #expect(report.latinLimit == 100)
        #expect(report.fitsIfReplaced)
    }

    @Test func offendersAreDeduplicatedInOrderOfFirstAppearanceWithAllPositions() {
        let report = ReplyLengthRule.evaluate("’a’b“c”d–", paid: false)
        #expect(report.offenders.map(\.character) == ["’", "“", "”", "–"])
        #expect(report.offenders.map(\.positions) == [[0, 2], [4], [6], [8]])
        #expect(report.offenders.map(\.suggestedReplacement) == ["'", "\"", "\"", "-"])
        #expect(report.lengthIfReplaced == 9)
    }

    @Test func lengthIfReplacedIsNilWhenAnOffenderHasNoSuggestion() {
        let report = ReplyLengthRule.evaluate("It’s 😀", paid: false)
        #expect(report.offenders.map(\.character) == ["’", "😀"])
        #expect(report.offenders[1].suggestedReplacement == nil)
        #expect(report.offenders[1].displayName == "😀 U+1F600")
        #expect(report.lengthIfReplaced == nil)
        #expect(!report.fitsIfReplaced)
    }

    @Test func latinMessageHasNoOffendersAndNoReplacementHint() {
        let report = ReplyLengthRule.evaluate("Price 5€", paid: false)
        #expect(report.offenders.isEmpty)
        #expect(report.lengthIfReplaced == nil)
    }

    @Test func oneCurlyQuoteInALongLatinMessageIsTheHintThatLatinWouldFit() {
        let report = ReplyLengthRule.evaluate(repeated("a", 80) + "’", paid: false)
        #expect(report.charset == .other)
        #expect(report.used == 81)
        #expect(report.overBy == 31)
        #expect(report.firstCharacterOverLimit == 50)
        #expect(report.offenders.first?.positions == [80])
        #expect(report.lengthIfReplaced == 81)
        #expect(report.fitsIfReplaced)
    }

    @Test(
        arguments: [
            ("\u{A0}", "U+00A0 NO-BREAK SPACE", " "),
            ("e\u{301}", "é U+0065 U+0301", "é"),
            ("\u{7}", "U+0007", nil),
            ("👍🏽", "👍🏽 U+1F44D U+1F3FD", nil),
        ] as [(Character, String, String?)])
    func offenderDisplayNameAndSuggestion(character: Character, displayName: String, suggestion: String?) throws {
        let report = ReplyLengthRule.evaluate("x" + String(character), paid: false)
        let offender = try #require(report.offenders.first)
        #expect(offender.positions == [1])
        #expect(offender.displayName == displayName)
        #expect(offender.suggestedReplacement == suggestion)
    }

    @Test func replacingOffendersProducesLatinText() {
        #expect(ReplyLengthRule.replacingOffenders(in: "“Don’t” – wait…") == "\"Don't\" - wait...")
        #expect(ReplyLengthRule.replacingOffenders(in: "Ж") == nil)
    }

    @Test func summaryShowsCountLimitAndCharset() {
        #expect(ReplyLengthRule.evaluate("Hello", paid: false).summary == "5/100 latin")
        #expect(ReplyLengthRule.evaluate("Hello", paid: true).summary == "5/140 latin paid")
        #expect(ReplyLengthRule.evaluate(repeated("Ж", 52), paid: false).summary == "52/50 other, 2 over")
    }
}
