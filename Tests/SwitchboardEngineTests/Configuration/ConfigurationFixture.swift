import Foundation

@testable import SwitchboardEngine

/// Temporary configuration files for the tests, each in its own directory under the system's temporary folder.
enum ConfigurationFixture {
    /// Writes `text` to a fresh `config.toml` with the given POSIX mode and returns its path.
    static func write(_ text: String, mode: Int = 0o600) throws -> String {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("switchboard-config-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("config.toml").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        return path
    }

    /// Removes the directory `write` made for `path`.
    static func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent)
    }

    /// A complete, valid file using every key.
    static let full = """
        [store]
        url = "postgres://switchboard:pg-pass-4411@db.example.com:5432/switchboard"

        [receiver]
        listen = "[::]:9090"
        secret = "path-secret-77"
        allowed_networks = ["203.0.113.0/24", "2001:db8::/32"]

        [tagga]
        base_url = "https://tagga.example.com/"
        apikey = "apikey-secret-123"
        passkey = "passkey-secret-456"
        taggs = ["HELP", "PIZZA"]
        reply_window = "20m"
        safety_margin = "5s"
        payment_registered = true

        [tagget]
        base_url = "http://127.0.0.1:9999"
        id = 12345
        token = "token-secret-789"
        sender = "Acme"
        rate = 2.5
        concurrency = 8

        [console]
        theme = "solarized"
        bell = false
        operator = "alice"
        """

    /// Every secret value in `full`, to check that none leaks.
    static let secretsInFull = [
        "pg-pass-4411", "path-secret-77", "apikey-secret-123", "passkey-secret-456", "token-secret-789",
    ]

    /// A source for text that is not on disk.
    static let source = ConfigurationSource(path: "config.toml", origin: .commandLine)

    static let environment = ["USER": "tester", "HOME": "/home/tester"]
}
