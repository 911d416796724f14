import Foundation

/// Tagget's answer as it arrives, read leniently: `status` a number or a numeric string, `message` a string,
/// `data` an object whose values are kept as text (numbers and booleans written out, anything nested as `…`).
struct TaggetWireResponse: Decodable {
    var status: Int?
    var message: String?
    var data: [String: String]?

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        let status = Key(stringValue: "status")
        if let number = try? container.decode(Int.self, forKey: status) {
            self.status = number
        } else if let number = try? container.decode(Double.self, forKey: status), number == number.rounded() {
            self.status = Int(exactly: number)
        } else if let text = try? container.decode(String.self, forKey: status) {
            self.status = Int(text)
        }
        message = try? container.decode(String.self, forKey: Key(stringValue: "message"))
        let dataKey = Key(stringValue: "data")
        if let fields = try? container.nestedContainer(keyedBy: Key.self, forKey: dataKey) {
            var data: [String: String] = [:]
            for key in fields.allKeys {
                data[key.stringValue] = Self.text(in: fields, key)
            }
            self.data = data
        }
    }

    private static func text(in container: KeyedDecodingContainer<Key>, _ key: Key) -> String {
        if let text = try? container.decode(String.self, forKey: key) { return text }
        if let number = try? container.decode(Int64.self, forKey: key) { return String(number) }
        if let number = try? container.decode(Double.self, forKey: key) { return String(number) }
        if let flag = try? container.decode(Bool.self, forKey: key) { return String(flag) }
        if (try? container.decodeNil(forKey: key)) == true { return "null" }
        return "…"
    }
}
