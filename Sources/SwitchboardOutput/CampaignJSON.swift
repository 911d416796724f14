import SwitchboardEngine

/// A campaign's recipients as JSON and CSV (for `broadcast --json` and `export --campaign`).
package enum CampaignJSON {
    package static func recipient(_ recipient: CampaignRecipient) -> JSONValue {
        .object([
            "position": .int(recipient.position), "phone": .string(recipient.phone), "line": .int(recipient.line),
            "state": .string(recipient.state.rawValue), "attempts": .int(recipient.attempts),
            "http_status": recipient.httpStatus.map(JSONValue.int) ?? .null,
            "detail": recipient.detail.map(JSONValue.string) ?? .null, "body": .string(recipient.body),
            "updated_at": .string(TransactionJSON.iso8601(recipient.updatedAt)),
        ])
    }

    package static let csvHeader = "position,phone,line,state,attempts,http_status,detail,body,updated_at"

    package static func csvLine(_ recipient: CampaignRecipient) -> String {
        [
            String(recipient.position), recipient.phone, String(recipient.line), recipient.state.rawValue,
            String(recipient.attempts), recipient.httpStatus.map(String.init) ?? "", recipient.detail ?? "",
            recipient.body, TransactionJSON.iso8601(recipient.updatedAt),
        ].map(CSV.field).joined(separator: ",")
    }
}
