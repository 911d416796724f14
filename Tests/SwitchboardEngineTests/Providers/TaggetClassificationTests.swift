import Foundation
import NIOHTTP1
import Testing

@testable import SwitchboardEngine

@Suite struct TaggetClassificationTests {
    static func response(_ status: Int, _ body: String, retryAfter: String? = nil) -> HTTPExchangeResult {
        var headers = HTTPHeaders()
        if let retryAfter { headers.add(name: "Retry-After", value: retryAfter) }
        return .response(HTTPExchangeResponse(status: status, headers: headers, body: Array(body.utf8)))
    }

    static func verdict(_ result: HTTPExchangeResult) -> TaggetAttemptVerdict {
        TaggetSendClient.classify(result, number: 1, startedAt: Date()).0
    }

    @Test func classifiesPerTheContract() {
        let ok = #"{"status":200,"message":"SMS has been sent to recipient successfully.","data":null}"#
        let bad = #"{"status":400,"message":"Error sending SMS message to recipient.","data":null}"#
        #expect(Self.verdict(Self.response(200, ok)) == .sent)
        #expect(Self.verdict(Self.response(400, bad)) == .rejected)
        #expect(Self.verdict(Self.response(200, bad)) == .rejected, "status 400 in a 200 answer")
        #expect(Self.verdict(Self.response(404, "not found")) == .rejected)
        #expect(Self.verdict(Self.response(429, "", retryAfter: "3")) == .transient(retryAfter: .seconds(3)))
        #expect(Self.verdict(Self.response(503, "")) == .transient(retryAfter: nil))
        #expect(Self.verdict(Self.response(200, "<html>")) == .unknown, "a 200 we cannot read may have sent")
        let before = HTTPExchangeResult.failed(.init(reason: "refused", requestWasWritten: false))
        let after = HTTPExchangeResult.failed(.init(reason: "timed out", requestWasWritten: true))
        #expect(Self.verdict(before) == .transient(retryAfter: nil))
        #expect(Self.verdict(after) == .unknown)
    }

    @Test func responseParsingDropsEchoedCredentials() throws {
        let body = #"{"status":"200","message":"ok","data":{"id":"1","token":"t","to":"+18397536474"}}"#
        let response = try #require(TaggetResponse.parse(Array(body.utf8)))
        #expect(response.status == 200)
        #expect(response.data == ["to": "+18397536474"])
    }

    @Test func responseParsingIsLenient() throws {
        let numbers = #"{"status":200.0,"data":{"to":"+1","count":3,"ok":true,"nested":{"a":1},"none":null}}"#
        let parsed = try #require(TaggetResponse.parse(Array(numbers.utf8)))
        #expect(parsed.status == 200)
        #expect(parsed.message == "")
        #expect(parsed.data == ["to": "+1", "count": "3", "ok": "true", "nested": "…", "none": "null"])
        let refused = try #require(TaggetResponse.parse(Array(#"{"status":400,"message":"bad","data":null}"#.utf8)))
        #expect(refused.status == 400 && refused.message == "bad" && refused.data == nil)
        #expect(TaggetResponse.parse(Array(#"{"message":"no status"}"#.utf8)) == nil)
        #expect(TaggetResponse.parse(Array("<html>".utf8)) == nil)
        #expect(TaggetResponse.parse(Array(#"{"status":"two hundred"}"#.utf8)) == nil)
    }

    @Test func retryAfterAcceptsSecondsAndDates() {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(RetryAfter.parse("120", now: now) == .seconds(120))
        #expect(RetryAfter.parse(" 0 ", now: now) == .seconds(0))
        #expect(RetryAfter.parse("Fri, 15 Jan 2027 08:00:10 GMT", now: now) == .seconds(10))
        #expect(RetryAfter.parse("soon", now: now) == nil)
        #expect(RetryAfter.parse(nil, now: now) == nil)
    }

    @Test func validationReportsEveryProblem() {
        guard case .failure(let error) = TaggetSendRequest.validate(to: "12", body: "", sender: "") else {
            Issue.record("expected a validation failure")
            return
        }
        #expect(error.problems.count == 3)
        #expect(error.problems.map { String($0.prefix(3)) } == ["to:", "bod", "sen"])
    }

    @Test func backoffGrowsAndIsCapped() {
        let backoff = RetryBackoff(base: .milliseconds(100), maximum: .seconds(1), jitter: false)
        #expect(
            (1...6).map { backoff.delay(afterAttempt: $0) } == [
                .milliseconds(100), .milliseconds(200), .milliseconds(400), .milliseconds(800), .seconds(1),
                .seconds(1),
            ])
        let jittered = RetryBackoff(base: .seconds(1), maximum: .seconds(10), jitter: true)
        for _ in 0..<50 {
            let wait = jittered.delay(afterAttempt: 2)
            #expect(wait >= .seconds(1) && wait <= .seconds(2))
        }
    }
}
