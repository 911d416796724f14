import Testing

@testable import SwitchboardEngine

@Suite struct SecretTests {
    @Test func neverShowsItsValue() {
        let secret = Secret("hunter2-value")
        let renderings = [
            secret.description, secret.debugDescription, "\(secret)", String(describing: secret),
            String(reflecting: secret), dumped(secret), "\([secret])", "\(Optional(secret) as Any)",
        ]
        for rendering in renderings {
            #expect(!rendering.contains("hunter2"), "\(rendering)")
        }
        #expect(secret.description == "•••• (set)")
        #expect(secret.reveal() == "hunter2-value")
    }

    @Test func saysWhenEmpty() {
        #expect(Secret("").description == "(empty)")
        #expect(Secret.empty.isEmpty)
        #expect(!Secret("x").isEmpty)
    }

    private func dumped(_ value: some Any) -> String {
        var text = ""
        dump(value, to: &text)
        return text
    }
}
