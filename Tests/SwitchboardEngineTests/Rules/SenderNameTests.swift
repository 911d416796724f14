import Testing

@testable import SwitchboardEngine

struct SenderNameTests {
    @Test(arguments: [
        ("Tagget", "Tagget", false),
        ("A", "A", false),
        ("Tagget SMS", "Tagget SMS", false),
        ("ABCDEFGHIJK", "ABCDEFGHIJK", false),
        ("Shop 24 7", "Shop 24 7", false),
        ("  Tagget \n", "Tagget", false),
        ("7", "7", true),
        ("447700900123", "447700900123", true),
        ("123456789012345", "123456789012345", true),
    ])
    func accepts(raw: String, value: String, isNumeric: Bool) throws {
        let sender = try SenderName(validating: raw)
        #expect(sender.value == value)
        #expect(sender.isNumeric == isNumeric)
    }

    @Test(arguments: [
        ("", SenderNameError.empty),
        ("   ", .empty),
        ("Tagget-SMS", .invalidCharacter(input: "Tagget-SMS", character: "-")),
        ("Tag_get", .invalidCharacter(input: "Tag_get", character: "_")),
        ("Tägget", .invalidCharacter(input: "Tägget", character: "ä")),
        ("+447700900123", .invalidCharacter(input: "+447700900123", character: "+")),
        ("ABCDEFGHIJKL", .tooLong(input: "ABCDEFGHIJKL", count: 12)),
        ("Tagget SMS 1", .tooLong(input: "Tagget SMS 1", count: 12)),
        ("1234567890123456", .numberTooLong(input: "1234567890123456", digits: 16)),
        ("44 7700 9001", .noLetter(input: "44 7700 9001")),
        ("١٢٣", .invalidCharacter(input: "١٢٣", character: "١")),
    ])
    func refuses(raw: String, expected: SenderNameError) {
        #expect(throws: expected) { try SenderName(validating: raw) }
    }

    @Test(arguments: [
        (SenderNameError.empty, "The sender is empty: a sender is 1 to 11 letters, digits and spaces"),
        (.invalidCharacter(input: "Tag_get", character: "_"), "\"Tag_get\" contains \"_\" (U+005F)"),
        (.invalidCharacter(input: "+44", character: "+"), "a numeric sender is digits only, without +"),
        (.tooLong(input: "ABCDEFGHIJKL", count: 12), "is 12 characters long: an alphanumeric sender has at most 11"),
        (.numberTooLong(input: "1", digits: 16), "has 16 digits: a numeric sender has at most 15"),
        (.noLetter(input: "44 77"), "\"44 77\" has no letter"),
    ])
    func errorDescriptionExplains(error: SenderNameError, fragment: String) {
        #expect(error.description.contains(fragment))
    }
}
