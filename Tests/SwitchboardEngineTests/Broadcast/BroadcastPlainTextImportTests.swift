import Testing

@testable import SwitchboardEngine

struct BroadcastPlainTextImportTests {
    @Test func seedExamplesNormaliseAndPass() {
        let list = RecipientImport.plainText("+18397536474 \n+195848757465\n")
        #expect(list.recipients.map(\.phone.e164) == ["+18397536474", "+195848757465"])
        #expect(list.recipients.map(\.line) == [1, 2])
        #expect(list.recipients.allSatisfy { $0.fields.isEmpty })
        #expect(list.invalid.isEmpty)
        #expect(list.invalidCount == 0)
        #expect(list.duplicateCount == 0)
        #expect(list.columns.isEmpty)
        #expect(list.phoneColumn == nil)
        #expect(list.format == .plainText)
    }

    @Test func badLinesKeepTheirLineNumbersAndReasons() {
        let text = "+18397536474\n\n18397536474\n+1 839 CALL\n   \t\n+44 (20) 7946-0000\n0044 20 7946\n"
        let list = RecipientImport.plainText(text)
        #expect(list.recipients.map(\.phone.e164) == ["+18397536474", "+442079460000"])
        #expect(list.recipients.map(\.line) == [1, 6])
        #expect(
            list.invalid == [
                InvalidRecipientLine(
                    line: 3, raw: "18397536474", reason: .phoneNumber(.missingPlus(input: "18397536474"))),
                InvalidRecipientLine(
                    line: 4, raw: "+1 839 CALL",
                    reason: .phoneNumber(.invalidCharacter(input: "+1 839 CALL", character: "C"))),
                InvalidRecipientLine(
                    line: 7, raw: "0044 20 7946", reason: .phoneNumber(.missingPlus(input: "0044 20 7946"))),
            ])
        #expect(list.invalidCount == 3)
        #expect(!list.isInvalidListTruncated)
    }

    @Test func theReasonIsThePhoneNumberMessage() {
        let list = RecipientImport.plainText("0044 20 7946")
        let reason = list.invalid.first?.reason.description ?? ""
        #expect(reason == PhoneNumberError.missingPlus(input: "0044 20 7946").description)
        #expect(reason.contains("write + instead of the leading 00"))
    }

    @Test func duplicatesAreDroppedCountedAndTraced() {
        let text = "+18397536474\n+195848757465\n+1 (839) 753-6474\n+18397536474 \n+195848757465"
        let list = RecipientImport.plainText(text)
        #expect(list.recipients.map(\.phone.e164) == ["+18397536474", "+195848757465"])
        #expect(list.recipients.map(\.line) == [1, 2])
        #expect(list.duplicateCount == 3)
        let first = PhoneNumber.unchecked("+18397536474")
        let second = PhoneNumber.unchecked("+195848757465")
        #expect(
            list.duplicates == [
                DuplicateRecipient(line: 3, firstLine: 1, phone: first),
                DuplicateRecipient(line: 4, firstLine: 1, phone: first),
                DuplicateRecipient(line: 5, firstLine: 2, phone: second),
            ])
    }

    @Test func commasAndSemicolonsSeparateNumbersOnALine() {
        let list = RecipientImport.plainText("+18397536474, +195848757465; +2348188216769,,\n;\n+1 878 463 643")
        #expect(
            list.recipients.map(\.phone.e164) == ["+18397536474", "+195848757465", "+2348188216769", "+1878463643"])
        #expect(list.recipients.map(\.line) == [1, 1, 1, 3])
        #expect(list.invalidCount == 0)
    }

    @Test func severalBadEntriesOnOneLineAreEachReported() {
        let list = RecipientImport.plainText("abc, +18397536474, 123")
        #expect(list.recipients.count == 1)
        #expect(list.invalid.map(\.line) == [1, 1])
        #expect(list.invalid.map(\.raw) == ["abc", " 123"])
    }

    @Test func spacesDoNotSeparateNumbers() {
        let list = RecipientImport.plainText("+18397536474 +195848757465")
        #expect(list.recipients.isEmpty)
        let input = "+18397536474 +195848757465"
        #expect(list.invalid.first?.reason == .phoneNumber(.invalidCharacter(input: input, character: "+")))
    }

    @Test func crlfAndLoneCarriageReturnsEndLines() {
        let list = RecipientImport.plainText("+18397536474\r\n\r\nnope\r+195848757465\r\n")
        #expect(list.recipients.map(\.line) == [1, 4])
        #expect(list.invalid.map(\.line) == [3])
        #expect(list.invalid.map(\.raw) == ["nope"])
    }

    @Test func byteOrderMarkIsSkipped() {
        let list = RecipientImport.plainText("\u{FEFF}+18397536474\n+195848757465")
        #expect(list.recipients.map(\.phone.e164) == ["+18397536474", "+195848757465"])
        #expect(list.invalidCount == 0)
    }

    @Test func controlCharactersAreReportedNotFatal() {
        let list = RecipientImport.plainText("+1839\u{0}7536474\n\u{1B}[31m+195848757465\u{7}\n\u{FFFD}")
        #expect(list.recipients.isEmpty)
        #expect(list.invalid.map(\.line) == [1, 2, 3])
        #expect(list.invalid.map(\.raw) == ["+1839\u{0}7536474", "\u{1B}[31m+195848757465\u{7}", "\u{FFFD}"])
    }

    @Test func emptyInputGivesAnEmptyList() {
        for text in ["", "\n\n", " \r\n\t"] {
            let list = RecipientImport.plainText(text)
            #expect(list.recipients.isEmpty)
            #expect(list.invalidCount == 0)
        }
    }

    @Test func typedInputReadsLikePlainText() {
        let list = RecipientImport.typed("+18397536474 , +195848757465")
        #expect(list.recipients.map(\.phone.e164) == ["+18397536474", "+195848757465"])
        #expect(list.format == .typed)
    }

    @Test func detailsAreCappedButCountsAreExact() {
        let bad = Array(repeating: "not a number", count: 50).joined(separator: "\n")
        let duplicated = Array(repeating: "+18397536474", count: 40).joined(separator: "\n")
        let list = RecipientImport.plainText(bad + "\n" + duplicated, detailLimit: 10)
        #expect(list.invalid.count == 10)
        #expect(list.invalidCount == 50)
        #expect(list.invalid.map(\.line) == Array(1...10))
        #expect(list.isInvalidListTruncated)
        #expect(list.duplicates.count == 10)
        #expect(list.duplicateCount == 39)
        #expect(list.duplicates.first == DuplicateRecipient(line: 52, firstLine: 51, phone: .unchecked("+18397536474")))
        #expect(list.isDuplicateListTruncated)
        #expect(list.recipients.count == 1)
    }
}

extension PhoneNumber {
    /// A number the test knows to be valid.
    static func unchecked(_ raw: String) -> PhoneNumber {
        try! PhoneNumber(normalizing: raw)
    }
}
