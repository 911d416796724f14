import Testing

@testable import SwitchboardEngine

struct BroadcastRecipientFormatTests {
    @Test(
        arguments: [
            ("list.csv", "+18397536474", RecipientFormat.csv),
            ("/tmp/x.y/LIST.CSV", "+18397536474", .csv),
            ("numbers.txt", "name,phone", .plainText),
            ("numbers", "name,phone\nAnn,+18397536474", .csv),
            (nil, "\u{FEFF}\n\n  Phone \n+18397536474", .csv),
            (nil, "\"+18397536474\"", .csv),
            (nil, "+18397536474,Ann", .csv),
            (nil, "+18397536474, +195848757465\n", .plainText),
            (nil, "+18397536474\r\n+195848757465", .plainText),
            (nil, "", .plainText),
            ("dir.v2/numbers", "Customers", .plainText),
        ] as [(String?, String, RecipientFormat)])
    func detectsByExtensionThenContent(fileName: String?, content: String, expected: RecipientFormat) {
        #expect(RecipientFormat.detect(fileName: fileName, content: content) == expected)
    }

    @Test func fileImportUsesTheDetectedFormat() {
        let csv = RecipientImport.file(named: "people.csv", content: "name,phone\nAnn,+18397536474")
        #expect(csv.format == .csv)
        #expect(csv.recipients.first?.fields["name"] == "Ann")
        let text = RecipientImport.file(named: "people.txt", content: "+18397536474;+195848757465")
        #expect(text.format == .plainText)
        #expect(text.recipients.count == 2)
    }

    @Test func parseDispatchesOnTheFormat() {
        #expect(RecipientImport.parse("+18397536474", as: .typed).format == .typed)
        #expect(RecipientImport.parse("+18397536474", as: .csv).format == .csv)
        #expect(RecipientImport.parse("+18397536474", as: .plainText).format == .plainText)
    }
}
