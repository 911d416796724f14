import Testing

@testable import SwitchboardEngine

@Suite struct CIDRBlockTests {
    @Test(arguments: [
        ("203.0.113.0/24", "203.0.113.0/24"),
        ("203.0.113.77/24", "203.0.113.0/24"),
        ("10.0.0.1", "10.0.0.1/32"),
        ("0.0.0.0/0", "0.0.0.0/0"),
        ("2001:db8::/32", "2001:db8::/32"),
        ("2001:DB8:0:0:1::/64", "2001:db8::/64"),
        ("::1", "::1/128"),
        ("::/0", "::/0"),
        ("::ffff:192.0.2.1/128", "::ffff:c000:201/128"),
        ("fe80::1%eth0/64", "fe80::/64"),
    ])
    func parses(text: String, normalized: String) throws {
        #expect(try CIDRBlock(parsing: text).description == normalized)
    }

    @Test(arguments: [
        "", "203.0.113.0/33", "203.0.113/24", "256.0.0.0/8", "010.0.0.0/8", "1.2.3.4/", "1.2.3.4/-1",
        "2001:db8::/129", "2001:db8:::1/64", "1::2::3", "12345::/16", "1:2:3:4:5:6:7:8:9/128", "example.com/24",
        "1.2.3.4::/64", "203.0.113.0/24 ",
    ])
    func refuses(text: String) {
        #expect(throws: CIDRBlockError.self) { try CIDRBlock(parsing: text) }
    }

    @Test(arguments: [
        ("203.0.113.0/24", "203.0.113.5", true),
        ("203.0.113.0/24", "203.0.113.255", true),
        ("203.0.113.0/24", "203.0.114.1", false),
        ("203.0.113.0/24", "::ffff:203.0.113.9", true),
        ("203.0.113.0/24", "::ffff:203.0.114.9", false),
        ("203.0.113.0/24", "2001:db8::1", false),
        ("10.0.0.0/8", "10.255.255.255", true),
        ("10.1.2.3", "10.1.2.3", true),
        ("10.1.2.3", "10.1.2.4", false),
        ("0.0.0.0/0", "192.0.2.1", true),
        ("172.16.0.0/12", "172.31.0.1", true),
        ("172.16.0.0/12", "172.32.0.1", false),
        ("2001:db8::/32", "2001:db8:ffff::1", true),
        ("2001:db8::/32", "[2001:db8::1]", true),
        ("2001:db8::/32", "2001:db9::1", false),
        ("2001:db8::/32", "203.0.113.5", false),
        ("::1/128", "::1", true),
        ("::1/128", "0:0:0:0:0:0:0:1", true),
        ("fe80::/10", "fe80::1%lo0", true),
        ("203.0.113.0/24", "not an address", false),
    ])
    func contains(block: String, address: String, expected: Bool) throws {
        #expect(try CIDRBlock(parsing: block).contains(address: address) == expected)
    }

    @Test func errorSaysHowToWriteIt() {
        #expect(throws: CIDRBlockError.self) { try CIDRBlock(parsing: "10.0.0.0/40") }
        do {
            _ = try CIDRBlock(parsing: "10.0.0.0/40")
        } catch {
            #expect(error.description.contains("prefix length must be 0–32"))
            #expect(error.description.contains("203.0.113.0/24"))
        }
    }
}
