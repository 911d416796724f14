import Testing

@testable import SwitchboardOutput

/// `export --format csv` fields: shown as the console shows them, one record a line, never a formula.
@Suite struct CSVFieldTests {
    @Test(arguments: [
        ("plain", "plain"),
        ("a,b", "\"a,b\""),
        ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
        ("+1+1", "'+1+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(1+1)", "'@SUM(1+1)"),
        ("=\u{301}HYPERLINK(1)", "'=\u{301}HYPERLINK(1)"),
        ("\u{200B}=1+1", "'=1+1"),
        ("\t=1+1", "␉=1+1"),
        ("\r=1+1", "␍=1+1"),
        ("safe\rEVIL", "safe␍EVIL"),
        ("line1\r\nline2", "line1␍␊line2"),
        ("\u{1B}[2J\u{1B}]52;c;AA\u{7}", "␛[2J␛]52;c;AA␇"),
        ("\u{9B}2J", "<9B>2J"),
        ("invoice\u{202E}gnp.exe", "invoicegnp.exe"),
        ("nul\u{0}byte", "nul␀byte"),
        ("日本語 👍🏽", "日本語 👍🏽"),
    ])
    func fieldIsInertAndNeverAFormula(_ value: String, _ expected: String) {
        #expect(CSV.field(value) == expected)
    }
}
