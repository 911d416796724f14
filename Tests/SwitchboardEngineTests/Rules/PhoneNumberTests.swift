import Testing

@testable import SwitchboardEngine

struct PhoneNumberTests {
    @Test(arguments: [
        ("+18397536474 ", "+18397536474"),
        ("+195848757465", "+195848757465"),
        ("+1 (839) 753-6474", "+18397536474"),
        ("+2348188216769", "+2348188216769"),
        ("+16892725454", "+16892725454"),
        ("+1878463643", "+1878463643"),
        ("+1985458475434", "+1985458475434"),
        ("  +44 20.7946.0000\n", "+442079460000"),
        ("+44\u{A0}20 7946 0000", "+442079460000"),
        ("+12345678", "+12345678"),
        ("+123456789012345", "+123456789012345"),
    ])
    func normalises(raw: String, e164: String) throws {
        let number = try PhoneNumber(normalizing: raw)
        #expect(number.e164 == e164)
        #expect(number.description == e164)
    }

    @Test(arguments: [
        ("", PhoneNumberError.empty),
        (" - ( ) ", .empty),
        ("0044 20 7946", .missingPlus(input: "0044 20 7946")),
        ("18397536474", .missingPlus(input: "18397536474")),
        ("+1 839 CALL NOW", .invalidCharacter(input: "+1 839 CALL NOW", character: "C")),
        ("+44/2079460000", .invalidCharacter(input: "+44/2079460000", character: "/")),
        ("+44+2079460000", .invalidCharacter(input: "+44+2079460000", character: "+")),
        ("+٤٤٢٠٧٩٤٦٠٠٠٠", .invalidCharacter(input: "+٤٤٢٠٧٩٤٦٠٠٠٠", character: "٤")),
        ("+044 20 7946 0000", .leadingZero(input: "+044 20 7946 0000")),
        ("+", .tooShort(input: "+", digits: 0)),
        ("+1234567", .tooShort(input: "+1234567", digits: 7)),
        ("+1234567890123456", .tooLong(input: "+1234567890123456", digits: 16)),
    ])
    func refuses(raw: String, expected: PhoneNumberError) {
        #expect(throws: expected) { try PhoneNumber(normalizing: raw) }
    }

    @Test(arguments: [
        (
            PhoneNumberError.missingPlus(input: "0044 20 7946"),
            "\"0044 20 7946\" is not an international number: it must start with + and the country code "
                + "(write + instead of the leading 00), e.g. +442079460000"
        ),
        (
            .missingPlus(input: "2079460000"),
            "\"2079460000\" is not an international number: it must start with + and the country code, "
                + "e.g. +442079460000"
        ),
        (
            .invalidCharacter(input: "+1 839 CALL", character: "C"),
            "\"+1 839 CALL\" contains \"C\" (U+0043), which cannot be in a phone number: use + and digits only "
                + "(spaces, -, ., ( and ) are ignored), e.g. +442079460000"
        ),
        (
            .tooShort(input: "+1234567", digits: 7),
            "\"+1234567\" is too short: it has 7 digits after the +, an international number has 8 to 15 "
                + "(country code included), e.g. +442079460000"
        ),
    ])
    func errorDescriptionSaysWhatIsWrongAndWhatToDo(error: PhoneNumberError, description: String) {
        #expect(error.description == description)
    }

    @Test(arguments: [
        (PhoneNumberError.empty, "empty"),
        (.invalidCharacter(input: "+1\u{200B}", character: "\u{200B}"), "contains U+200B"),
        (.invalidCharacter(input: "+1+2", character: "+"), "a + that is not at the start"),
        (.leadingZero(input: "+0"), "no country code starts with 0"),
        (.tooLong(input: "+1", digits: 16), "at most 15"),
    ])
    func errorDescriptionNamesTheProblem(error: PhoneNumberError, fragment: String) {
        #expect(error.description.contains(fragment))
    }

    @Test func numbersWithTheSameDigitsAreEqual() throws {
        #expect(try PhoneNumber(normalizing: "+1 (839) 753-6474") == PhoneNumber(normalizing: "+18397536474 "))
        #expect(try PhoneNumber(normalizing: "+18397536474") != PhoneNumber(normalizing: "+18397536475"))
    }
}
