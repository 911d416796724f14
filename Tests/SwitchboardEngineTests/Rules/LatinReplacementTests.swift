import Testing

@testable import SwitchboardEngine

struct LatinReplacementTests {
    @Test(
        arguments: [
            ("’", "'"), ("‘", "'"), ("`", "'"), ("“", "\""), ("”", "\""), ("«", "\""), ("»", "\""),
            ("–", "-"), ("—", "-"), ("…", "..."), ("\u{A0}", " "), ("\u{202F}", " "), ("\t", " "),
            ("\u{200B}", ""), ("e\u{301}", "é"), ("á", "a"), ("ç", "c"), ("Ś", "S"),
        ] as [(Character, String)])
    func suggestsAGSMReplacement(character: Character, expected: String) {
        let suggestion = LatinReplacement.suggestion(for: character)
        #expect(suggestion == expected)
        #expect(GSMAlphabet.canEncode(expected))
    }

    @Test(arguments: ["😀", "Ж", "ł", "🇫🇷", "中"] as [Character])
    func hasNoSuggestionForCharactersWithoutLatinForm(character: Character) {
        #expect(LatinReplacement.suggestion(for: character) == nil)
    }

    @Test func everyTableEntryIsGSM() {
        for (scalar, replacement) in LatinReplacement.table {
            #expect(GSMAlphabet.septets(for: scalar) == nil, "\(scalar) is already GSM")
            #expect(GSMAlphabet.canEncode(replacement), "\(replacement) is not GSM")
        }
    }
}
