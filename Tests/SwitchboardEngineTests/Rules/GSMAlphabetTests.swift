import Testing

@testable import SwitchboardEngine

struct GSMAlphabetTests {
    @Test func basicTableHas127DistinctCharactersWithoutEscape() {
        let table = GSMAlphabet.basicCharacters
        #expect(table.count == 127)
        #expect(Set(table).count == 127)
        #expect(!table.contains("\u{1B}"))
    }

    /// GSM 03.38 codes of the basic table; the stored table skips ESC (0x1B), so later codes sit one lower.
    @Test(
        arguments: [
            (0x00, "@"), (0x01, "£"), (0x02, "$"), (0x03, "¥"), (0x09, "Ç"), (0x0A, "\n"), (0x0D, "\r"),
            (0x10, "Δ"), (0x11, "_"), (0x1A, "Ξ"), (0x1C, "Æ"), (0x1F, "É"), (0x20, " "), (0x24, "¤"),
            (0x40, "¡"), (0x5B, "Ä"), (0x5E, "Ü"), (0x5F, "§"), (0x60, "¿"), (0x7B, "ä"), (0x7E, "ü"), (0x7F, "à"),
        ] as [(Int, Unicode.Scalar)])
    func basicTableIsInGSMOrder(code: Int, scalar: Unicode.Scalar) {
        let index = code > 0x1B ? code - 1 : code
        #expect(GSMAlphabet.basicCharacters[index] == scalar)
    }

    @Test(
        arguments: Array(
            ("@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./09" + ":;<=>?¡AZÄÖÑÜ§¿azäöñüà\n\r").unicodeScalars))
    func basicCharacterCostsOneSeptet(scalar: Unicode.Scalar) {
        #expect(GSMAlphabet.septets(for: scalar) == 1)
    }

    @Test(arguments: Array("^{}\\[]~|€\u{0C}".unicodeScalars))
    func extensionCharacterCostsTwoSeptets(scalar: Unicode.Scalar) {
        #expect(GSMAlphabet.septets(for: scalar) == 2)
    }

    /// ESC, look-alikes (Ω OHM SIGN, ∆ INCREMENT), lower-case ç, backtick, tab, curly quotes, Cyrillic, emoji.
    @Test(arguments: Array("\u{1B}\u{2126}\u{2206}ç`\t’“–…\u{A0}áЖ😀".unicodeScalars))
    func nonGSMCharacterHasNoSeptets(scalar: Unicode.Scalar) {
        #expect(GSMAlphabet.septets(for: scalar) == nil)
    }

    @Test func characterCostSumsItsScalars() {
        #expect(GSMAlphabet.septets(for: Character("\r\n")) == 2)
        #expect(GSMAlphabet.septets(for: Character("€")) == 2)
        #expect(GSMAlphabet.septets(for: Character("e\u{301}")) == nil)
        #expect(GSMAlphabet.canEncode("Price: 5€ [incl.]"))
        #expect(!GSMAlphabet.canEncode("It’s"))
    }
}
