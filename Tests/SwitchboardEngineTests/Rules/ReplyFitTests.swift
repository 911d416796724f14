import Testing

@testable import SwitchboardEngine

/// "Make it fit": the characters the counter names are replaced with its suggestions, and the change is described.
@Suite struct ReplyFitTests {
    @Test func replacesWhatTheCounterNamesAndSaysWhat() {
        let fit = ReplyFit("It’s 5–6 o’clock")
        #expect(fit.text == "It's 5-6 o'clock")
        #expect(fit.summary == "3 replaced: ’ → ' ×2, – → -")
        #expect(ReplyLengthRule.evaluate(fit.text, paid: false).charset == .latin)
    }

    @Test func invisibleCharactersAreNamedAndRemoved() {
        let fit = ReplyFit("a\u{200B}b\u{00A0}c")
        #expect(fit.text == "ab c")
        #expect(fit.summary == "2 replaced: U+200B ZERO WIDTH SPACE → removed, U+00A0 NO-BREAK SPACE → space")
    }

    @Test func whatHasNoReplacementStaysAndIsNamed() {
        let fit = ReplyFit("Pizza 🍕 – now")
        #expect(fit.text == "Pizza 🍕 - now")
        #expect(fit.summary == "1 replaced: – → -; no latin replacement for 🍕: the reply stays other")
    }

    @Test func aLatinReplyIsLeftAlone() {
        let fit = ReplyFit("Plain text")
        #expect(fit.text == "Plain text")
        #expect(fit.changes.isEmpty)
        #expect(fit.summary == "Nothing to replace: the reply is already latin")
    }
}
