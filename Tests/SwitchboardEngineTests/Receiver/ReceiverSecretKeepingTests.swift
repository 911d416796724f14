import Foundation
import Testing

@testable import SwitchboardEngine

/// The path secret never reaches the store, and `allowed_networks` guards the metrics too.
@Suite struct ReceiverSecretKeepingTests {
    @Test func thePathSecretIsNotStoredWithTheRawRequest() async throws {
        var settings = CallbackReceiver.Settings()
        settings.secret = Secret("s3cr3t")
        try await ReceiverHarness.run(settings) { harness in
            let reply = try await harness.postForm(callbackFields("k-1"), to: "/tagga/s3cr3t?x=1")
            #expect(reply.status == 200)
            let raw = try #require(try await harness.store.rawCallback(transactionID: "k-1"))
            #expect(raw.target == "/tagga/<secret>?x=1")
        }
    }

    @Test func metricsAreRefusedOutsideTheAllowedNetworks() async throws {
        var settings = CallbackReceiver.Settings()
        settings.allowedNetworks = [try CIDRBlock(parsing: "203.0.113.0/24")]
        try await ReceiverHarness.run(settings) { harness in
            let metrics = try await harness.send(.GET, "/metrics")
            #expect(metrics.status == 403)
            let health = try await harness.send(.GET, "/healthz")
            #expect(health.status == 200, "health checks stay open for load balancers")
        }
    }
}
