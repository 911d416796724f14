import Testing

@testable import SwitchboardEngine

private let people = """
    phone,name,note
    +18397536474 ,Ann,x
    +195848757465,O’Brien,y
    nope,Bad,z
    +1 839 753 6474,Ann again,w

    """

struct BroadcastDryRunTests {
    @Test func summarisesTheListAndTheRenderedBodies() throws {
        let list = RecipientImport.csv(people)
        let template = try BroadcastTemplate(parsing: "Hi {name}, your order is ready.")
        let dryRun = BroadcastDryRun(recipients: list, template: template, sender: "Tagget")
        #expect(dryRun.recipientCount == 2)
        #expect(dryRun.invalidCount == 1)
        #expect(dryRun.invalid.map(\.line) == [4])
        #expect(dryRun.duplicateCount == 1)
        #expect(dryRun.duplicates.map(\.line) == [5])
        #expect(dryRun.columns == ["phone", "name", "note"])
        #expect(dryRun.templateProblem == nil)
        #expect(dryRun.sender?.value == "Tagget")
        #expect(dryRun.senderProblem == nil)
        #expect(dryRun.segments.messageCount == 2)
        #expect(dryRun.segments.total == 2)
        #expect(dryRun.segments.minimum == 1)
        #expect(dryRun.segments.maximum == 1)
        #expect(dryRun.bodyProblems.isEmpty)
        #expect(dryRun.canSend)
        let preview = try #require(dryRun.preview)
        #expect(preview.recipient.phone.e164 == "+18397536474")
        #expect(preview.body == "Hi Ann, your order is ready.")
        #expect(preview.segments.encoding == .gsm7)
        #expect(preview.problem == nil)
    }

    @Test func aCurlyQuoteInANameMakesThatBodyUCS2AndLonger() throws {
        let list = RecipientImport.csv(people)
        let template = try BroadcastTemplate(parsing: "Hi {name}, " + String(repeating: "a", count: 60))
        let dryRun = BroadcastDryRun(recipients: list, template: template)
        #expect(dryRun.segments.messagesByEncoding == [.gsm7: 1, .ucs2: 1])
        #expect(dryRun.segments.encodings == [.gsm7, .ucs2])
        // "Hi Ann, " + 60 = 68 septets: 1 SMS; "Hi O’Brien, " + 60 = 72 UTF-16 units: over 70, so 2 parts.
        #expect(dryRun.segments.messagesBySegmentCount == [1: 1, 2: 1])
        #expect(dryRun.segments.minimum == 1)
        #expect(dryRun.segments.maximum == 2)
        #expect(dryRun.segments.total == 3)
    }

    @Test func segmentsAreCountedOnTheRenderedText() throws {
        let list = RecipientImport.csv("phone,name\n+18397536474,Al\n+195848757465,Bartholomew-Maximilian\n")
        let body = "{name}" + String(repeating: "b", count: 150)
        let dryRun = BroadcastDryRun(recipients: list, template: try BroadcastTemplate(parsing: body))
        #expect(dryRun.segments.minimum == 1)
        #expect(dryRun.segments.maximum == 2)
        #expect(dryRun.segments.total == 3)
        #expect(dryRun.segments.encodings == [.gsm7])
        #expect(dryRun.preview?.segments.units == 152)
    }

    @Test func anUnknownPlaceholderBlocksTheBroadcast() throws {
        let list = RecipientImport.csv(people)
        let dryRun = BroadcastDryRun(recipients: list, template: try BroadcastTemplate(parsing: "Hi {nmae}!"))
        #expect(dryRun.templateProblem == .unknownPlaceholders(names: ["nmae"], columns: ["phone", "name", "note"]))
        #expect(!dryRun.canSend)
        #expect(dryRun.preview?.body == "Hi !")
        #expect(dryRun.segments.total == 2)
    }

    @Test func placeholdersOnAPlainListAreAnError() throws {
        let list = RecipientImport.plainText("+18397536474")
        let dryRun = BroadcastDryRun(recipients: list, template: try BroadcastTemplate(parsing: "Hi {name}"))
        #expect(dryRun.templateProblem == .unknownPlaceholders(names: ["name"], columns: []))
        #expect(!dryRun.canSend)
    }

    @Test func bodiesThatCannotBeSentAreListedPerRecipient() throws {
        let long = String(repeating: "z", count: 1601)
        let list = RecipientImport.csv("phone,note\n+18397536474,\n+195848757465,\(long)\n+2348188216769,ok\n")
        let dryRun = BroadcastDryRun(recipients: list, template: try BroadcastTemplate(parsing: "{note}"))
        #expect(
            dryRun.bodyProblems == [
                BroadcastBodyProblem(phone: .unchecked("+18397536474"), line: 2, error: .empty),
                BroadcastBodyProblem(phone: .unchecked("+195848757465"), line: 3, error: .tooLong(count: 1601)),
            ])
        #expect(dryRun.bodyProblemCount == 2)
        #expect(dryRun.segments.messageCount == 1)
        #expect(dryRun.segments.total == 1)
        #expect(dryRun.preview?.problem == .empty)
        #expect(!dryRun.canSend)
    }

    @Test func aBodyWithoutPlaceholdersIsCheckedOnceForEveryone() throws {
        let list = RecipientImport.plainText("+18397536474\n+195848757465\n+2348188216769")
        let template = try BroadcastTemplate(parsing: String(repeating: "a", count: 161))
        let dryRun = BroadcastDryRun(recipients: list, template: template)
        #expect(dryRun.segments.messageCount == 3)
        #expect(dryRun.segments.total == 6)
        #expect(dryRun.segments.messagesBySegmentCount == [2: 3])
        #expect(dryRun.canSend)

        let blank = BroadcastDryRun(recipients: list, template: try BroadcastTemplate(parsing: "  "), detailLimit: 2)
        #expect(blank.bodyProblemCount == 3)
        #expect(blank.bodyProblems.map(\.line) == [1, 2])
        #expect(blank.bodyProblems.allSatisfy { $0.error == .blank })
        #expect(blank.segments.messageCount == 0)
        #expect(blank.segments.minimum == nil)
    }

    @Test func anInvalidSenderIsReported() throws {
        let list = RecipientImport.plainText("+18397536474")
        let dryRun = BroadcastDryRun(
            recipients: list, template: try BroadcastTemplate(parsing: "Hi"), sender: "+447700900123")
        #expect(dryRun.sender == nil)
        #expect(dryRun.senderProblem == .invalidCharacter(input: "+447700900123", character: "+"))
        #expect(!dryRun.canSend)
    }

    @Test func noRecipientsMeansNothingToSend() throws {
        let list = RecipientImport.plainText("nope\n")
        let dryRun = BroadcastDryRun(recipients: list, template: try BroadcastTemplate(parsing: "Hi"))
        #expect(dryRun.recipientCount == 0)
        #expect(dryRun.invalidCount == 1)
        #expect(dryRun.preview == nil)
        #expect(dryRun.segments == BroadcastSegmentSummary())
        #expect(!dryRun.canSend)
    }
}
