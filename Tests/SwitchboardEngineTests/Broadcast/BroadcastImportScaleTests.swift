import Testing

@testable import SwitchboardEngine

/// `count` distinct valid numbers: +1555 followed by 7 digits.
private func numbers(_ count: Int) -> [String] {
    (0..<count).map { index in
        let digits = String(index)
        return "+1555" + String(repeating: "0", count: 7 - digits.count) + digits
    }
}

struct BroadcastImportScaleTests {
    @Test func hundredThousandPlainTextNumbers() {
        let list = RecipientImport.plainText(numbers(100_000).joined(separator: "\n"))
        #expect(list.recipients.count == 100_000)
        #expect(list.recipients.last?.line == 100_000)
        #expect(list.recipients.last?.phone.e164 == "+15550099999")
        #expect(list.invalidCount == 0)
    }

    @Test func hundredThousandCSVRowsWithDuplicates() throws {
        let rows = numbers(50_000).enumerated().map { "\($1),\"Name \($0)\"" }
        let text = "phone,name\r\n" + (rows + rows).joined(separator: "\r\n")
        let list = RecipientImport.csv(text)
        #expect(list.recipients.count == 50_000)
        #expect(list.duplicateCount == 50_000)
        #expect(list.duplicates.count == RecipientList.defaultDetailLimit)
        #expect(
            list.duplicates.first == DuplicateRecipient(line: 50_002, firstLine: 2, phone: .unchecked("+15550000000")))
        #expect(list.recipients.last?.fields["name"] == "Name 49999")

        let template = try BroadcastTemplate(parsing: "Hi {name}")
        let dryRun = BroadcastDryRun(recipients: list, template: template)
        #expect(dryRun.segments.total == 50_000)
    }

    @Test func hundredThousandInvalidLinesAreCountedButNotAllKept() {
        let text = Array(repeating: "0044 20 7946 0000", count: 100_000).joined(separator: "\n")
        let list = RecipientImport.plainText(text)
        #expect(list.recipients.isEmpty)
        #expect(list.invalidCount == 100_000)
        #expect(list.invalid.count == RecipientList.defaultDetailLimit)
        #expect(list.invalid.last?.line == RecipientList.defaultDetailLimit)
    }

    @Test func oneUnterminatedQuoteDoesNotSwallowTheFile() {
        let text = "phone,name\n+19999999999,\"Oops\n" + numbers(100_000).joined(separator: ",x\n")
        let list = RecipientImport.csv(text)
        #expect(list.invalid.map(\.line) == [2])
        #expect(list.recipients.count == 100_000)
        #expect(list.recipients.first?.line == 3)
    }
}
