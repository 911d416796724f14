import Foundation

/// One text to one recipient, already validated: a value of this type is always sendable.
package struct TaggetSendRequest: Sendable, Hashable {
    package var to: PhoneNumber
    package var body: SendBody
    package var sender: SenderName

    package init(to: PhoneNumber, body: SendBody, sender: SenderName) {
        self.to = to
        self.body = body
        self.sender = sender
    }

    /// Validates raw input, reporting every problem at once (nothing is sent unless all pass).
    package static func validate(to: String, body: String, sender: String) -> Result<Self, TaggetValidationError> {
        var problems: [String] = []
        var number: PhoneNumber?
        var text: SendBody?
        var name: SenderName?
        do { number = try PhoneNumber(normalizing: to) } catch { problems.append("to: \(error)") }
        do { text = try SendBody(validating: body) } catch { problems.append("body: \(error)") }
        do { name = try SenderName(validating: sender) } catch { problems.append("sender: \(error)") }
        guard let number, let text, let name else { return .failure(TaggetValidationError(problems: problems)) }
        return .success(TaggetSendRequest(to: number, body: text, sender: name))
    }

    /// The JSON body of docs/provider-contract.md §3: `id` as a JSON number, keys sorted so the bytes are reproducible
    /// (`{"body":…,"id":…,"sender":…,"to":…,"token":…}`). Written by hand: a broadcast makes one per recipient,
    /// and an encoder per request was a measurable part of a send's cost.
    package func jsonBody(account: TaggetAccount) -> [UInt8] {
        Self.wireBody(to: to.e164, body: body.text, sender: sender.value, account: account)
    }

    /// The JSON body for fields already checked (a broadcast's stored recipients).
    package static func wireBody(to: String, body: String, sender: String, account: TaggetAccount) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(body.utf8.count + 96)
        out.append(contentsOf: #"{"body":"#.utf8)
        JSONText.appendString(body, to: &out)
        out.append(contentsOf: #","id":"#.utf8)
        out.append(contentsOf: String(account.id).utf8)
        out.append(contentsOf: #","sender":"#.utf8)
        JSONText.appendString(sender, to: &out)
        out.append(contentsOf: #","to":"#.utf8)
        JSONText.appendString(to, to: &out)
        out.append(contentsOf: #","token":"#.utf8)
        JSONText.appendString(account.token.reveal(), to: &out)
        out.append(UInt8(ascii: "}"))
        return out
    }
}

/// The fields on the wire.
package struct TaggetWireRequest: Codable, Sendable, Hashable {
    package var id: Int64
    package var token: String
    package var sender: String
    package var body: String
    package var to: String
}

/// Why a send was refused before anything went out: every problem found, each naming its field.
package struct TaggetValidationError: Error, Sendable, CustomStringConvertible {
    package var problems: [String]

    package var description: String { problems.joined(separator: "\n") }
}
