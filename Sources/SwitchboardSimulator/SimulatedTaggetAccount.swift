import Foundation
import SwitchboardEngine
import Synchronization

/// A text the fake Tagget accepted: someone's phone would now buzz.
package struct SimulatedDelivery: Sendable, Hashable {
    package var to: String
    package var sender: String
    package var body: String
    package var at: Date
}

/// The fake Tagget: `/engage/send_sms` with the documented 200/400 JSON, validating with the engine's own rules.
package final class SimulatedTaggetAccount: Sendable {
    private let settings: Mutex<SimulatorSettings>
    private let delivered = Mutex<[SimulatedDelivery]>([])
    private let clock: any WallClock

    package init(settings: SimulatorSettings, clock: any WallClock) {
        self.settings = Mutex(settings)
        self.clock = clock
    }

    /// Every text accepted so far, in order.
    package var deliveries: [SimulatedDelivery] { delivered.withLock { $0 } }

    /// Answers one POST to `/engage/send_sms` with its HTTP status and JSON body.
    package func answer(jsonBody: [UInt8]) -> (status: Int, body: String) {
        let rules = settings.withLock { $0 }
        guard let object = try? JSONSerialization.jsonObject(with: Data(jsonBody)) as? [String: Any] else {
            return Self.refusal("the body is not a JSON object")
        }
        let id: Int64?
        switch object["id"] {
        case let number as NSNumber: id = number.int64Value
        case let text as String: id = Int64(text)
        default: id = nil
        }
        guard id == rules.taggetID, object["token"] as? String == rules.taggetToken else {
            return Self.refusal("invalid id or token")
        }
        guard let rawTo = object["to"] as? String, let to = try? PhoneNumber(normalizing: rawTo) else {
            return Self.refusal("invalid recipient number")
        }
        guard let rawSender = object["sender"] as? String, let sender = try? SenderName(validating: rawSender) else {
            return Self.refusal("invalid sender")
        }
        guard let rawBody = object["body"] as? String, let body = try? SendBody(validating: rawBody) else {
            return Self.refusal("invalid body")
        }
        let delivery = SimulatedDelivery(to: to.e164, sender: sender.value, body: body.text, at: clock.now())
        delivered.withLock { $0.append(delivery) }
        let data: [String: Any] = [
            "id": String(rules.taggetID), "token": rules.taggetToken, "sender": delivery.sender,
            "body": delivery.body, "to": delivery.to,
        ]
        return (
            200, Self.json(["status": 200, "message": "SMS has been sent to recipient successfully.", "data": data])
        )
    }

    private static func refusal(_ reason: String) -> (status: Int, body: String) {
        (400, json(["status": 400, "message": "Error sending SMS message to recipient: \(reason).", "data": NSNull()]))
    }

    private static func json(_ object: [String: Any]) -> String {
        let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        return data.map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
