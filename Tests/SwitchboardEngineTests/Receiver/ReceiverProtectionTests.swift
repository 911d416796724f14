import Foundation
import Testing

@testable import SwitchboardEngine

/// docs/provider-contract.md §1, protection: the path secret (404 when wrong or missing) and allowed networks (403).
@Suite struct ReceiverProtectionTests {
    @Test(arguments: [("/tagga", 404), ("/tagga/wrong", 404), ("/tagga/s3cr3t/", 404), ("/tagga/s3cr3t", 200)])
    func pathSecretMustMatch(_ target: String, _ status: Int) async throws {
        var settings = CallbackReceiver.Settings()
        settings.secret = Secret("s3cr3t")
        try await ReceiverHarness.run(settings) { harness in
            let reply = try await harness.postForm(callbackFields("s-1"), to: target)
            #expect(reply.status == status)
            #expect(try await harness.store.count() == (status == 200 ? 1 : 0))
        }
    }

    @Test(arguments: ["/tagga/anything", "/other", "/", "/tagga/anything/more"])
    func withoutASecretOtherPathsGet404(_ target: String) async throws {
        try await ReceiverHarness.run { harness in
            let reply = try await harness.postForm(callbackFields("s-2"), to: target)
            #expect(reply.status == 404)
            #expect(reply.body == "not found\n")
            #expect(try await harness.store.count() == 0)
        }
    }

    @Test func wrongSecretIs404EvenForAWrongMethod() async throws {
        var settings = CallbackReceiver.Settings()
        settings.secret = Secret("s3cr3t")
        try await ReceiverHarness.run(settings) { harness in
            let reply = try await harness.send(.PUT, "/tagga/wrong")
            #expect(reply.status == 404)
            #expect(reply.headers["Allow"].isEmpty)
        }
    }

    @Test func sourceOutsideTheAllowedNetworksGets403() async throws {
        let network = try CIDRBlock(parsing: "203.0.113.0/24")
        var settings = CallbackReceiver.Settings()
        settings.allowedNetworks = [network]
        try await ReceiverHarness.run(settings) { harness in
            let reply = try await harness.postForm(callbackFields("n-1"))
            #expect(reply.status == 403)
            #expect(reply.body.contains("forbidden"))
            #expect(try await harness.store.count() == 0)
        }
    }

    @Test func sourceInsideTheAllowedNetworksIsAccepted() async throws {
        let networks = [try CIDRBlock(parsing: "203.0.113.0/24"), try CIDRBlock(parsing: "127.0.0.0/8")]
        var settings = CallbackReceiver.Settings()
        settings.allowedNetworks = networks
        try await ReceiverHarness.run(settings) { harness in
            let reply = try await harness.postForm(callbackFields("n-2"))
            #expect(reply.status == 200)
            #expect(try await harness.store.transaction(id: "n-2") != nil)
        }
    }
}
