import Testing

@testable import SwitchboardEngine

@Suite struct TaggaResponseTests {
    static let seedSuccess = """
        <?xml version="1.0" encoding="UTF-8"?>
        <TaggaResponse version="1.0">
          <TransactionID>100</TransactionID>
          <ReturnCode>0</ReturnCode>
          <Message>Success - API function call successful</Message>
        </TaggaResponse>
        """

    @Test func parsesTheSeedSample() throws {
        let response = try #require(TaggaResponse.parse(Array(Self.seedSuccess.utf8)))
        #expect(response.transactionID == "100")
        #expect(response.returnCode == .success)
        #expect(response.message == "Success - API function call successful")
    }

    @Test(arguments: [
        // whitespace, no declaration, no version
        ("\n\n  <TaggaResponse>\n<ReturnCode> 20 </ReturnCode></TaggaResponse>  \n", 20),
        // element order and extra elements
        (
            "<TaggaResponse version=\"2\"><Extra><ReturnCode>9</ReturnCode></Extra><Message>x</Message>"
                + "<ReturnCode>19</ReturnCode><TransactionID>A-1</TransactionID></TaggaResponse>", 19
        ),
        // case of the element names
        ("<taggaresponse><returncode>5</returncode></taggaresponse>", 5),
        // an undocumented code is kept raw
        ("<TaggaResponse><ReturnCode>42</ReturnCode></TaggaResponse>", 42),
    ])
    func parsesTolerantly(_ xml: String, _ code: Int) throws {
        let response = try #require(TaggaResponse.parse(Array(xml.utf8)))
        #expect(response.returnCode.code == code)
    }

    @Test(arguments: [
        "",
        "OK",
        "<html><body>502 Bad Gateway</body></html>",
        "<TaggaResponse><Message>no code</Message></TaggaResponse>",
        "<TaggaResponse><ReturnCode>zero</ReturnCode></TaggaResponse>",
        "<TaggaResponse><ReturnCode>0</ReturnCode>",
    ])
    func refusesWhatIsNotAnAnswer(_ body: String) {
        #expect(TaggaResponse.parse(Array(body.utf8)) == nil)
    }

    @Test func xmlRoundTripsWithEscaping() throws {
        let original = TaggaResponse(transactionID: "a<b>&\"c\"", returnCode: .unknownTagg, message: "Unknown & <tagg>")
        let parsed = try #require(TaggaResponse.parse(Array(original.xml.utf8)))
        #expect(parsed == original)
    }

    /// Found by the fuzz harness (its round trip, on a seed): a carriage return written raw read back as a line feed.
    @Test func carriageReturnsRoundTrip() throws {
        let original = TaggaResponse(transactionID: "cr", returnCode: .success, message: "one\rtwo\r\nthree")
        #expect(original.xml.contains("one&#13;two&#13;\nthree"))
        #expect(TaggaResponse.parse(Array(original.xml.utf8)) == original)
    }

    /// Found by fuzzing: FoundationXML trapped (the process ended) on an element name that is not UTF-8.
    @Test func aBodyThatIsNotUTF8IsNoAnswer() {
        #expect(TaggaResponse.parse([UInt8(ascii: "<"), 0xFF, 0xFF, 0xFF, 0xFF]) == nil)
        let latin1 = Array("<TaggaResponse><ReturnCode>0</ReturnCode><Message>caf".utf8) + [0xE9]
        #expect(TaggaResponse.parse(latin1 + Array("</Message></TaggaResponse>".utf8)) == nil)
    }

    /// Found by fuzzing: FoundationXML crashed (strlen of NULL) on a processing instruction with no data.
    @Test func aProcessingInstructionIsNoAnswer() {
        #expect(TaggaResponse.parse(Array("<?F-t?>a8i\"ie>\n".utf8)) == nil)
        #expect(
            TaggaResponse.parse(Array("<TaggaResponse><?pi?><ReturnCode>0</ReturnCode></TaggaResponse>".utf8)) == nil)
        let declared = "\u{FEFF}<?xml version=\"1.0\"?><TaggaResponse><ReturnCode>0</ReturnCode></TaggaResponse>"
        #expect(TaggaResponse.parse(Array(declared.utf8))?.returnCode == .success, "the XML declaration is fine")
    }
}

@Suite struct TaggaReturnCodeTests {
    @Test(arguments: [
        (0, TaggaCodeClass.done), (1, .rejected), (2, .configuration), (3, .configuration), (5, .fixable),
        (6, .fixable), (7, .configuration), (8, .configuration), (18, .fixable), (19, .final), (20, .final),
        (4, .unknown), (99, .unknown),
    ])
    func classesFollowTheContract(_ code: Int, _ expected: TaggaCodeClass) {
        let returnCode = TaggaReturnCode(code: code)
        #expect(returnCode.code == code)
        #expect(returnCode.codeClass == expected)
        #expect(!returnCode.explanation.isEmpty && !returnCode.nextStep.isEmpty)
    }

    @Test func everyDocumentedCodeHasItsOwnExplanation() {
        let explanations = Set(TaggaReturnCode.documented.map(\.explanation))
        #expect(explanations.count == TaggaReturnCode.documented.count)
        #expect(TaggaReturnCode.documented.map(\.code) == [0, 1, 2, 3, 5, 6, 7, 8, 18, 19, 20])
    }
}

@Suite struct TaggaReplyResolutionTests {
    static let unknown = TaggaAttemptOutcome.unknown(.transport("reset", requestWasWritten: true))

    static func answered(_ code: Int) -> TaggaAttemptOutcome {
        .answered(TaggaResponse(transactionID: "1", returnCode: TaggaReturnCode(code: code), message: nil), rawBody: "")
    }

    @Test func resolvesPerTheTable() {
        #expect(TaggaReplyResolution.resolve([Self.answered(0)]) == .replied)
        #expect(TaggaReplyResolution.resolve([Self.answered(1)]) == .rejected)
        #expect(TaggaReplyResolution.resolve([Self.answered(20)]) == .expired)
        #expect(TaggaReplyResolution.resolve([Self.answered(5)]) == .stillPending(.messageLengthInvalid))
        #expect(TaggaReplyResolution.resolve([Self.answered(19)]) == .answeredElsewhere)
        #expect(TaggaReplyResolution.resolve([Self.unknown, Self.answered(19)]) == .repliedConfirmedByDuplicate)
        #expect(TaggaReplyResolution.resolve([Self.unknown, Self.unknown]) == .unknown)
        #expect(TaggaReplyResolution.resolve([]) == .unknown)
        #expect(TaggaReplyResolution.resolve([Self.answered(42)]) == .stillPending(.unrecognized(42)))
    }

    @Test func theFirstFinalAnswerDecides() {
        #expect(TaggaReplyResolution.resolve([Self.answered(0), Self.answered(19)]) == .replied)
        #expect(TaggaReplyResolution.resolve([Self.answered(5), Self.unknown]) == .unknown)
        #expect(TaggaReplyResolution.resolve([Self.unknown, Self.answered(5)]) == .stillPending(.messageLengthInvalid))
        #expect(TaggaReplyResolution.resolve([Self.answered(2), Self.answered(20)]) == .expired)
    }

    @Test func anAttemptThatNeverLeftConfirmsNothing() {
        let neverLeft = TaggaAttemptOutcome.unknown(.transport("connection refused", requestWasWritten: false))
        #expect(TaggaReplyResolution.resolve([neverLeft, Self.answered(19)]) == .answeredElsewhere)
        #expect(TaggaReplyResolution.deliveredAttemptIndex([neverLeft, Self.answered(19)]) == nil)
        #expect(TaggaReplyResolution.deliveredAttemptIndex([Self.unknown, neverLeft, Self.answered(19)]) == 0)
        #expect(TaggaReplyResolution.deliveredAttemptIndex([Self.answered(5), Self.answered(0)]) == 1)
    }

    @Test func onlyTerminalResolutionsAreFinal() {
        #expect(TaggaReplyResolution.replied.isFinal)
        #expect(TaggaReplyResolution.expired.isFinal)
        #expect(!TaggaReplyResolution.stillPending(.authenticationFailed).isFinal)
        #expect(!TaggaReplyResolution.unknown.isFinal)
    }
}
