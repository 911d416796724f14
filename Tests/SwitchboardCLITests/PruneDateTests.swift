import Foundation
import Testing

@testable import switchboard

/// `prune --before`: a day (its local midnight) or an RFC 3339 timestamp; anything else names the accepted forms.
@Suite struct PruneDateTests {
    private func utc(_ text: String) -> Date {
        ISO8601DateFormatter().date(from: text)!
    }

    @Test(arguments: [
        ("2025-01-31", "Europe/Paris", "2025-01-30T23:00:00Z"),
        ("2025-07-01", "Europe/Paris", "2025-06-30T22:00:00Z"),
        ("2025-01-31", "UTC", "2025-01-31T00:00:00Z"),
        // Chile skipped midnight on 8 September 2024 (00:00 became 01:00): the day starts at 01:00.
        ("2024-09-08", "America/Santiago", "2024-09-08T04:00:00Z"),
        ("2025-01-31T18:00:00Z", "Europe/Paris", "2025-01-31T18:00:00Z"),
        ("2025-01-31t18:00:00z", "UTC", "2025-01-31T18:00:00Z"),
        ("2025-01-31 18:00:00+01:00", "UTC", "2025-01-31T17:00:00Z"),
        ("2025-01-31T18:00:00-05:30", "UTC", "2025-01-31T23:30:00Z"),
        ("2024-02-29T00:00:00Z", "UTC", "2024-02-29T00:00:00Z"),
    ])
    func accepts(text: String, zone: String, expected: String) throws {
        let timeZone = try #require(TimeZone(identifier: zone))
        #expect(try PruneDate.parse(text, timeZone: timeZone) == utc(expected))
    }

    @Test func aFractionOfASecondIsKept() throws {
        let date = try PruneDate.parse("2025-01-31T18:00:00.250Z")
        #expect(date.timeIntervalSince(utc("2025-01-31T18:00:00Z")) == 0.25)
    }

    @Test(arguments: [
        "2025-13-01", "2025-02-30", "2025-02-29", "2025-1-5", "31/01/2025", "2025-01-31T18:00:00",
        "2025-01-31T25:00:00Z", "2025-01-31T18:00Z", "2025-01-31T18:00:00+25:00", "yesterday", "", "90d",
    ])
    func refuses(text: String) {
        #expect(throws: PruneDateError.notADate(text)) { try PruneDate.parse(text) }
    }

    @Test func theErrorNamesTheAcceptedForms() {
        let message = PruneDateError.notADate("yesterday").description
        #expect(message.contains("YYYY-MM-DD") && message.contains("RFC 3339"))
        #expect(message.contains("2025-01-31T18:00:00Z"))
    }
}
