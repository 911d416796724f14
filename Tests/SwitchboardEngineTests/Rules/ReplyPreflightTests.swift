import Foundation
import Testing

@testable import SwitchboardEngine

/// A reply draft that passes every check unless a test changes one field.
struct ReplyPreflightDraft: Sendable, CustomTestStringConvertible {
    var tagg = "PIZZA"
    var transactionID = "100"
    var message = "Thanks, your order is on its way."
    var paid = false
    var paymentRegistered = false
    var elapsed: Duration = .seconds(60)

    var testDescription: String {
        "tagg \"\(tagg)\", id \"\(transactionID)\", \(message.count) chars, paid \(paid), after \(elapsed)"
    }

    func refusals() -> [PreflightRefusal] {
        let clock = ManualWallClock()
        let receivedAt = clock.now()
        clock.advance(by: elapsed)
        return ReplyPreflight.refusals(
            tagg: tagg, transactionID: transactionID, message: message, paid: paid,
            paymentRegistered: paymentRegistered, receivedAt: receivedAt, now: clock.now()
        )
    }
}

struct ReplyPreflightTests {
    @Test func aGoodDraftPasses() {
        #expect(ReplyPreflightDraft().refusals().isEmpty)
        let receivedAt = Date(timeIntervalSince1970: 1_800_000_000)
        let first = ReplyPreflight.firstRefusal(
            tagg: "PIZZA", transactionID: "100", message: "", paid: true, paymentRegistered: true,
            receivedAt: receivedAt, now: receivedAt.addingTimeInterval(1790)
        )
        #expect(first == nil)
    }

    @Test(arguments: [
        (ReplyPreflightDraft(tagg: ""), PreflightRefusal.missingField(.tagg)),
        (ReplyPreflightDraft(transactionID: "  "), .missingField(.transactionID)),
        (ReplyPreflightDraft(elapsed: .seconds(1801)), .windowClosed(overdueBy: .seconds(1), window: .seconds(1800))),
        (ReplyPreflightDraft(elapsed: .seconds(1800)), .windowClosed(overdueBy: .zero, window: .seconds(1800))),
        (
            ReplyPreflightDraft(elapsed: .seconds(1791)),
            .insideSafetyMargin(timeLeft: .seconds(9), safetyMargin: .seconds(10))
        ),
        (ReplyPreflightDraft(paid: true), .paymentNotRegistered),
    ])
    func eachRuleRefusesWithItsCode(draft: ReplyPreflightDraft, expected: PreflightRefusal) {
        #expect(draft.refusals() == [expected])
    }

    @Test(arguments: [
        (PreflightRefusal.missingField(.tagg), 3),
        (.windowClosed(overdueBy: .zero, window: .seconds(1800)), 20),
        (.insideSafetyMargin(timeLeft: .seconds(1), safetyMargin: .seconds(10)), 20),
        (.paymentNotRegistered, 18),
        (.messageTooLong(ReplyLengthRule.evaluate(String(repeating: "a", count: 101), paid: false)), 5),
        (.alreadyReplied, 19),
        (.replyInFlight, 19),
    ])
    func refusalStandsForAProviderCode(refusal: PreflightRefusal, code: Int) {
        #expect(refusal.providerCode == code)
        #expect(refusal.description.hasPrefix("Code \(code) equivalent: "))
    }

    /// message, paid, payment registered, refused as code 5
    @Test(arguments: [
        (String(repeating: "a", count: 100), false, false, false),
        (String(repeating: "a", count: 101), false, false, true),
        (String(repeating: "a", count: 140), true, true, false),
        (String(repeating: "a", count: 141), true, true, true),
        (String(repeating: "€", count: 50) + "a", false, false, true),
        (String(repeating: "Ж", count: 50), false, false, false),
        ("It’s " + String(repeating: "a", count: 46), false, false, true),
        (String(repeating: "Ж", count: 70), true, true, false),
        (String(repeating: "😀", count: 36), true, true, true),
    ])
    func lengthRefusesAsCode5(message: String, paid: Bool, registered: Bool, refused: Bool) {
        let draft = ReplyPreflightDraft(message: message, paid: paid, paymentRegistered: registered)
        let refusals = draft.refusals()
        #expect(refusals.map(\.providerCode) == (refused ? [5] : []))
        if case .messageTooLong(let report) = refusals.first {
            #expect(report.used > report.limit)
        }
    }

    @Test func allRefusalsComeInCheckOrder() {
        let draft = ReplyPreflightDraft(
            tagg: "", transactionID: "", message: String(repeating: "a", count: 141), paid: true,
            elapsed: .seconds(2000))
        let refusals = draft.refusals()
        #expect(refusals.map(\.providerCode) == [3, 3, 20, 18, 5])
        #expect(refusals.first == .missingField(.tagg))
    }

    @Test func reasonsAndAdviceAreHuman() {
        let closed = PreflightRefusal.windowClosed(overdueBy: .seconds(125), window: .seconds(1800))
        #expect(closed.reason == "Too late: the 30 min reply window closed 2 min 5 s ago.")
        #expect(closed.description.hasPrefix("Code 20 equivalent: Too late:"))
        let margin = PreflightRefusal.insideSafetyMargin(timeLeft: .milliseconds(4500), safetyMargin: .seconds(10))
        #expect(margin.reason == "Too late to send safely: only 4.5 s left, less than the 10 s safety margin.")
        #expect(PreflightRefusal.missingField(.transactionID).reason == "The transaction_id is empty.")
        #expect(PreflightRefusal.paymentNotRegistered.advice.contains("Send it unpaid"))
    }

    @Test func tooLongAdviceSuggestsTheCheapestFix() {
        let unpaid = PreflightRefusal.messageTooLong(
            ReplyLengthRule.evaluate(String(repeating: "a", count: 120), paid: false))
        #expect(unpaid.reason == "Message too long: 120/100 latin, 20 over.")
        #expect(unpaid.advice == "Shorten by 20, or send it paid (limit 140).")
        let curly = PreflightRefusal.messageTooLong(
            ReplyLengthRule.evaluate("It’s " + String(repeating: "a", count: 60), paid: false))
        #expect(
            curly.advice == "Replace ’ U+2019 and the other non-latin characters to fit in 100, " + "or shorten by 15.")
        let paid = PreflightRefusal.messageTooLong(
            ReplyLengthRule.evaluate(String(repeating: "Ж", count: 80), paid: true))
        #expect(paid.advice == "Shorten by 10.")
    }
}
