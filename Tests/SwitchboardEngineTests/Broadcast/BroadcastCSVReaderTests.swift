import Testing

@testable import SwitchboardEngine

private func read(_ text: String) -> [CSVReadResult] {
    var reader = CSVReader(text)
    var results: [CSVReadResult] = []
    while let result = reader.next() { results.append(result) }
    return results
}

private func records(_ text: String) -> [CSVRecord] {
    read(text).compactMap { if case .record(let record) = $0 { record } else { nil } }
}

struct BroadcastCSVReaderTests {
    @Test func plainFieldsAndLines() {
        #expect(
            records("a,b,c\n1,2,3\n") == [
                CSVRecord(line: 1, fields: ["a", "b", "c"]), CSVRecord(line: 2, fields: ["1", "2", "3"]),
            ])
    }

    @Test func noFinalLineBreakAndTrailingComma() {
        #expect(
            records("a,b\n1,") == [CSVRecord(line: 1, fields: ["a", "b"]), CSVRecord(line: 2, fields: ["1", ""])])
    }

    @Test func quotedFieldsHoldCommasQuotesAndLineBreaks() {
        let text = "name,note\n\"Smith, Ann\",\"she said \"\"hi\"\"\"\n\"two\nlines\",x\nlast,\"\"\n"
        #expect(
            records(text) == [
                CSVRecord(line: 1, fields: ["name", "note"]),
                CSVRecord(line: 2, fields: ["Smith, Ann", "she said \"hi\""]),
                CSVRecord(line: 3, fields: ["two\nlines", "x"]),
                CSVRecord(line: 5, fields: ["last", ""]),
            ])
    }

    @Test func crlfRecordsAndCRLFInsideQuotes() {
        let text = "a,b\r\n\"x\r\ny\r\nz\",2\r\nc,d\r\n"
        #expect(
            records(text) == [
                CSVRecord(line: 1, fields: ["a", "b"]),
                CSVRecord(line: 2, fields: ["x\r\ny\r\nz", "2"]),
                CSVRecord(line: 5, fields: ["c", "d"]),
            ])
    }

    @Test func loneCarriageReturnEndsARecord() {
        #expect(records("a\rb\r") == [CSVRecord(line: 1, fields: ["a"]), CSVRecord(line: 2, fields: ["b"])])
    }

    @Test func blankLinesAreEmptyRecords() {
        let result = records("a\n\n,\nb")
        #expect(result.map(\.line) == [1, 2, 3, 4])
        #expect(result.map(\.isBlank) == [false, true, true, false])
    }

    @Test func byteOrderMarkIsSkipped() {
        #expect(
            records("\u{FEFF}phone\n+18397536474") == [
                CSVRecord(line: 1, fields: ["phone"]), CSVRecord(line: 2, fields: ["+18397536474"]),
            ])
    }

    @Test func leniencyForStrayQuotes() {
        #expect(records("ab\"c,\"q\"rest,d\n") == [CSVRecord(line: 1, fields: ["ab\"c", "qrest", "d"])])
    }

    @Test func unterminatedQuoteIsReportedAndReadingResumesOnTheNextLine() {
        let text = "a,b\n+18397536474,\"Ann\n+195848757465,Bob\n+2348188216769,Cy"
        #expect(
            read(text) == [
                .record(CSVRecord(line: 1, fields: ["a", "b"])),
                .unterminatedQuote(line: 2, raw: "+18397536474,\"Ann"),
                .record(CSVRecord(line: 3, fields: ["+195848757465", "Bob"])),
                .record(CSVRecord(line: 4, fields: ["+2348188216769", "Cy"])),
            ])
    }

    @Test func multibyteTextIsKeptWhole() {
        #expect(records("Zoë,O’Brien,😀\n") == [CSVRecord(line: 1, fields: ["Zoë", "O’Brien", "😀"])])
    }

    @Test func emptyInputHasNoRecords() {
        #expect(read("").isEmpty)
        #expect(read("\u{FEFF}").isEmpty)
    }
}
