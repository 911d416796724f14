/// The tables and keys a configuration file may contain, in the order the documentation lists them.
enum ConfigurationSchema {
    static let tables: [(name: String, keys: [String])] = [
        ("store", ["url", "retention"]),
        ("receiver", ["listen", "secret", "allowed_networks"]),
        (
            "tagga",
            ["base_url", "apikey", "passkey", "taggs", "reply_window", "safety_margin", "payment_registered"]
        ),
        ("tagget", ["base_url", "id", "token", "sender", "rate", "concurrency"]),
        ("console", ["theme", "bell", "operator", "canned_replies", "send_delay", "after_send"]),
    ]

    /// Keys whose values are never repeated in a message. `store.url` is one: a PostgreSQL URL holds a password.
    static let secretKeys: Set<String> = [
        "store.url", "receiver.secret", "tagga.apikey", "tagga.passkey", "tagget.id", "tagget.token",
    ]

    static func keys(of table: String) -> [String]? {
        tables.first { $0.name == table }?.keys
    }

    /// The tables (other than `table`) that have a key called `key`.
    static func tables(having key: String, except table: String?) -> [String] {
        tables.filter { $0.name != table && $0.keys.contains(key) }.map(\.name)
    }
}
