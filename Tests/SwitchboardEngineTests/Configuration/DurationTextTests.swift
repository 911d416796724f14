import Testing

@testable import SwitchboardEngine

@Suite struct DurationTextTests {
    @Test(arguments: [
        ("30m", Duration.seconds(1_800)),
        ("10s", .seconds(10)),
        ("1h30m", .seconds(5_400)),
        ("500ms", .milliseconds(500)),
        ("2h", .seconds(7_200)),
        ("0s", .zero),
        ("1m30s", .seconds(90)),
        (" 90s ", .seconds(90)),
        ("1s500ms", .milliseconds(1_500)),
        ("90d", .seconds(90 * 86_400)),
        ("1d12h", .seconds(36 * 3_600)),
    ])
    func parses(text: String, expected: Duration) throws {
        #expect(try DurationText.parse(text) == expected)
    }

    @Test(arguments: [
        ("30x", DurationTextError.unknownUnit("30x", unit: "x")),
        ("-5m", .negative("-5m")),
        ("", .empty),
        ("   ", .empty),
        ("30", .missingUnit("30")),
        ("m", .malformed("m")),
        ("1.5h", .malformed("1.5h")),
        ("1h 30m", .malformed("1h 30m")),
        ("30M", .unknownUnit("30M", unit: "M")),
        ("99999999999999999h", .tooLong("99999999999999999h")),
    ])
    func refuses(text: String, expected: DurationTextError) {
        #expect(throws: expected) { try DurationText.parse(text) }
    }

    @Test func messagesSayWhatToWrite() {
        #expect(
            DurationTextError.unknownUnit("30x", unit: "x").description.hasPrefix(
                #""30x" is not a duration; write it like "30m" or "90s""#)
        )
        #expect(DurationTextError.missingUnit("30").description.contains(#"add one, like "30s" or "30m""#))
    }

    @Test(arguments: [
        (Duration.seconds(1_800), "30m"),
        (.seconds(10), "10s"),
        (.seconds(5_400), "1h30m"),
        (.milliseconds(500), "500ms"),
        (.seconds(7_200), "2h"),
        (.zero, "0s"),
        (.milliseconds(61_250), "1m1s250ms"),
        (.seconds(-90), "-1m30s"),
        (.seconds(90 * 86_400), "90d"),
        (.seconds(36 * 3_600), "1d12h"),
    ])
    func formats(duration: Duration, expected: String) throws {
        #expect(DurationText.format(duration) == expected)
        if duration >= .zero {
            #expect(try DurationText.parse(expected) == duration)
        }
    }
}
