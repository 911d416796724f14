import Testing

@testable import SwitchboardEngine

@Suite struct ListenAddressTests {
    @Test(arguments: [
        ("127.0.0.1:8080", "127.0.0.1", 8_080),
        ("0.0.0.0:0", "0.0.0.0", 0),
        ("[::1]:8080", "::1", 8_080),
        ("[::]:443", "::", 443),
        ("localhost:65535", "localhost", 65_535),
    ])
    func parses(text: String, host: String, port: Int) throws {
        let address = try ListenAddress(parsing: text)
        #expect(address.host == host)
        #expect(address.port == port)
        #expect(address.description == text)
    }

    @Test(arguments: [
        ("127.0.0.1", ListenAddressError.missingPort("127.0.0.1")),
        ("127.0.0.1:", .badPort("127.0.0.1:")),
        ("127.0.0.1:65536", .badPort("127.0.0.1:65536")),
        ("127.0.0.1:http", .badPort("127.0.0.1:http")),
        (":8080", .badHost(":8080")),
        ("::1:8080", .unbracketedIPv6("::1:8080")),
        ("[::1]8080", .missingPort("[::1]8080")),
        ("[nonsense]:80", .badHost("[nonsense]:80")),
        ("[::1:80", .malformed("[::1:80")),
    ])
    func refuses(text: String, expected: ListenAddressError) {
        #expect(throws: expected) { try ListenAddress(parsing: text) }
    }
}

@Suite struct StoreLocationTests {
    @Test func sqlite() throws {
        #expect(try StoreLocation(parsing: "sqlite:switchboard.sqlite") == .sqlite(path: "switchboard.sqlite"))
        #expect(try StoreLocation(parsing: "sqlite:/var/lib/sb.db") == .sqlite(path: "/var/lib/sb.db"))
        #expect(try StoreLocation(parsing: "sqlite:///var/lib/sb.db") == .sqlite(path: "/var/lib/sb.db"))
    }

    @Test func postgresHidesThePassword() throws {
        let location = try StoreLocation(parsing: "postgres://sb:pw-9911@db.example.com:5432/sb")
        #expect(location.description == "postgres://sb:••••@db.example.com:5432/sb")
        guard case .postgres(let url) = location else {
            Issue.record("expected postgres")
            return
        }
        #expect(url.reveal() == "postgres://sb:pw-9911@db.example.com:5432/sb")
        #expect(try StoreLocation(parsing: "postgresql://db/sb").description == "postgresql://db/sb")
    }

    @Test(arguments: [
        ("mysql://u:secret-3@h/db", StoreLocationError.unknownScheme("mysql")),
        ("switchboard.sqlite", .unknownScheme(nil)),
        ("sqlite:", .emptySQLitePath),
        ("postgres:///db", .postgresWithoutHost),
        ("postgres://u:secret-3@/db", .postgresWithoutHost),
    ])
    func refuses(text: String, expected: StoreLocationError) {
        #expect(throws: expected) { try StoreLocation(parsing: text) }
        #expect(!expected.description.contains("secret-3"))
    }
}
