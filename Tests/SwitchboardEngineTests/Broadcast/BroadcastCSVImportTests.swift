import Testing

@testable import SwitchboardEngine

struct BroadcastCSVImportTests {
    @Test func phoneColumnFromTheHeader() {
        let list = RecipientImport.csv("name,phone,city\nAnn,+18397536474 ,Lagos\nBob,+195848757465,Paris\n")
        #expect(list.hasHeader)
        #expect(list.columns == ["name", "phone", "city"])
        #expect(list.phoneColumn == "phone")
        #expect(list.recipients.map(\.phone.e164) == ["+18397536474", "+195848757465"])
        #expect(list.recipients.map(\.line) == [2, 3])
        #expect(list.recipients.first?.fields == ["name": "Ann", "phone": "+18397536474 ", "city": "Lagos"])
        #expect(list.format == .csv)
    }

    @Test(arguments: [
        ("name,PHONE\nAnn,+18397536474", "PHONE"),
        ("name,  To \nAnn,+18397536474", "To"),
        ("name,Number\nAnn,+18397536474", "Number"),
        ("number,to,phone\n1,2,+18397536474", "phone"),
        ("number,to\n+1,+18397536474", "to"),
        ("\"phone\"\n+18397536474", "phone"),
    ])
    func headerNamesTheNumberColumn(text: String, column: String) {
        let list = RecipientImport.csv(text)
        #expect(list.hasHeader)
        #expect(list.phoneColumn == column)
        #expect(list.recipients.map(\.phone.e164) == ["+18397536474"])
        #expect(list.invalidCount == 0)
    }

    @Test func headerWithoutANumberColumnNameUsesTheFirstColumn() {
        let list = RecipientImport.csv("Mobile,Name\n+18397536474,Ann\n")
        #expect(list.hasHeader)
        #expect(list.phoneColumn == "Mobile")
        #expect(list.recipients.first?.fields == ["Mobile": "+18397536474", "Name": "Ann"])
    }

    @Test func noHeaderUsesTheFirstColumnAndNumbersTheColumns() {
        let list = RecipientImport.csv("+18397536474,Ann\n+195848757465,Bob,Paris\n")
        #expect(!list.hasHeader)
        #expect(list.columns == ["1", "2", "3"])
        #expect(list.phoneColumn == "1")
        #expect(list.recipients.map(\.line) == [1, 2])
        #expect(list.recipients.last?.fields == ["1": "+195848757465", "2": "Bob", "3": "Paris"])
    }

    @Test func aMistypedFirstNumberIsReportedNotTakenForAHeader() {
        let list = RecipientImport.csv("18397536474,Ann\n+195848757465,Bob\n")
        #expect(!list.hasHeader)
        #expect(list.recipients.map(\.line) == [2])
        #expect(
            list.invalid == [
                InvalidRecipientLine(
                    line: 1, raw: "18397536474", reason: .phoneNumber(.missingPlus(input: "18397536474")))
            ])
    }

    @Test func blankLinesBeforeTheHeaderAndBetweenRowsAreSkipped() {
        let list = RecipientImport.csv("\n  \nphone,name\n\n,\n+18397536474,Ann\n , \n")
        #expect(list.hasHeader)
        #expect(list.recipients.map(\.line) == [6])
        #expect(list.invalidCount == 0)
    }

    @Test func badRowsKeepTheirLineNumbers() {
        let text = "name,phone\nAnn,+18397536474\nBob,\nCy,+0 123\n\"Dee\nDoe\",12345\nEve,+195848757465\n"
        let list = RecipientImport.csv(text)
        #expect(list.recipients.map(\.line) == [2, 7])
        #expect(list.invalid.map(\.line) == [3, 4, 5])
        #expect(list.invalid.map(\.raw) == ["", "+0 123", "12345"])
        #expect(list.invalid.first?.reason == .phoneNumber(.empty))
        #expect(list.invalid[1].reason == .phoneNumber(.leadingZero(input: "+0 123")))
    }

    @Test func aRowWithoutTheNumberCellIsInvalid() {
        let list = RecipientImport.csv("name,city,phone\nAnn,Lagos\n")
        #expect(list.recipients.isEmpty)
        #expect(list.invalid == [InvalidRecipientLine(line: 2, raw: "", reason: .phoneNumber(.empty))])
    }

    @Test func multiLineQuotedRecordsCountFromTheirFirstLine() {
        let text = "phone,note\n+18397536474,\"line one\nline two\nline three\"\n+195848757465,\"a, b\"\n"
        let list = RecipientImport.csv(text)
        #expect(list.recipients.map(\.line) == [2, 5])
        #expect(list.recipients.first?.fields["note"] == "line one\nline two\nline three")
        #expect(list.recipients.last?.fields["note"] == "a, b")
    }

    @Test func quotedNumbersAndDoubledQuotes() {
        let list = RecipientImport.csv("phone,name\n\"+1 (839) 753-6474\",\"Ann \"\"Nan\"\" Lee\"\n")
        #expect(list.recipients.first?.phone.e164 == "+18397536474")
        #expect(list.recipients.first?.fields["name"] == "Ann \"Nan\" Lee")
    }

    @Test func duplicatesKeepTheFirstRow() {
        let list = RecipientImport.csv("phone,name\n+18397536474,Ann\n+1 839 753 6474,Bob\n+18397536474,Cy\n")
        #expect(list.recipients.count == 1)
        #expect(list.recipients.first?.fields["name"] == "Ann")
        #expect(list.duplicateCount == 2)
        #expect(list.duplicates.map(\.line) == [3, 4])
        #expect(list.duplicates.map(\.firstLine) == [2, 2])
    }

    @Test func byteOrderMarkAndCRLF() {
        let list = RecipientImport.csv("\u{FEFF}Phone,Name\r\n+18397536474,Ann\r\n\r\n+195848757465,Bob\r\n")
        #expect(list.columns == ["Phone", "Name"])
        #expect(list.phoneColumn == "Phone")
        #expect(list.recipients.map(\.line) == [2, 4])
        #expect(list.recipients.map { $0.fields["Name"] } == ["Ann", "Bob"])
    }

    @Test func unterminatedQuoteIsReportedAndTheRestIsImported() {
        let list = RecipientImport.csv("phone,name\n+18397536474,\"Ann\n+195848757465,Bob\n")
        #expect(list.recipients.map(\.line) == [3])
        #expect(list.invalid == [InvalidRecipientLine(line: 2, raw: "+18397536474,\"Ann", reason: .unterminatedQuote)])
        #expect(list.invalid.first?.reason.description.contains("never closed") == true)
    }

    @Test func headerNamesAreTrimmedAndMadeUnique() {
        let list = RecipientImport.csv(" phone ,name,,Name,name_4\n+18397536474,a,b,c,d,e\n")
        #expect(list.columns == ["phone", "name", "3", "Name_4", "name_4_5"])
        #expect(
            list.recipients.first?.fields == [
                "phone": "+18397536474", "name": "a", "3": "b", "Name_4": "c", "name_4_5": "d",
            ])
    }

    @Test func headerOnlyOrEmptyInput() {
        let headerOnly = RecipientImport.csv("phone,name\n")
        #expect(headerOnly.recipients.isEmpty)
        #expect(headerOnly.columns == ["phone", "name"])
        let empty = RecipientImport.csv("")
        #expect(empty.recipients.isEmpty)
        #expect(empty.columns.isEmpty)
        #expect(empty.phoneColumn == nil)
    }
}
