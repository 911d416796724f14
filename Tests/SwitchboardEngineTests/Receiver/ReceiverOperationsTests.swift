import Foundation
import Testing

@testable import SwitchboardEngine

/// The receiver's side doors: `/healthz`, `/metrics`, and its answer when the store cannot commit.
@Suite struct ReceiverOperationsTests {
    @Test func healthzAnswersOK() async throws {
        try await ReceiverHarness.run { harness in
            let reply = try await harness.send(.GET, "/healthz")
            #expect(reply.status == 200)
            #expect(reply.body == "OK\n")
            #expect(try await harness.store.count() == 0)
        }
    }

    @Test func metricsCountAcceptedDuplicateAndRefusedCallbacks() async throws {
        try await ReceiverHarness.run { harness in
            #expect(try await harness.postForm(callbackFields("m-1")).status == 200)
            #expect(try await harness.postForm(callbackFields("m-2")).status == 200)
            #expect(try await harness.postForm(callbackFields("m-1")).status == 200)
            #expect(try await harness.postForm(body: "tagg=HELP&message=hi").status == 400)
            #expect(try await harness.postForm(body: "transaction_id=x&message=hi").status == 400)
            #expect(try await harness.send(.DELETE).status == 405)
            #expect(try await harness.send(.POST, contentType: "text/plain", bytes: [0x41]).status == 415)
            #expect(try await harness.postForm(callbackFields("m-3"), to: "/nowhere").status == 404)

            let reply = try await harness.send(.GET, "/metrics")
            #expect(reply.status == 200)
            #expect(reply.headers["Content-Type"] == ["text/plain; version=0.0.4; charset=utf-8"])
            let text = reply.body
            #expect(metricValue("switchboard_callbacks_accepted_total", in: text) == 2)
            #expect(metricValue("switchboard_callbacks_duplicate_total", in: text) == 1)
            #expect(metricValue(#"switchboard_callbacks_refused_total{reason="bad_request"}"#, in: text) == 2)
            #expect(metricValue(#"switchboard_callbacks_refused_total{reason="method"}"#, in: text) == 1)
            #expect(metricValue(#"switchboard_callbacks_refused_total{reason="media_type"}"#, in: text) == 1)
            #expect(metricValue(#"switchboard_callbacks_refused_total{reason="not_found"}"#, in: text) == 1)
            #expect(metricValue("switchboard_open_transactions", in: text) == 2)
            #expect(metricValue("switchboard_commit_batch_size_sum", in: text) == 3)
            #expect(try await harness.store.count() == 2)
        }
    }

    @Test func listensOnLoopbackUnlessConfigured() {
        #expect(CallbackReceiver.Settings().host == "127.0.0.1")
    }

    @Test func acknowledgedCallbackIsCommittedForOtherConnections() async throws {
        try await ReceiverHarness.run { harness in
            let reply = try await harness.postForm(callbackFields("v-1", message: "visible"))
            #expect(reply.status == 200)
            let other = try SQLiteStore(path: harness.store.path)
            let seen = try await other.transaction(id: "v-1")
            let raw = try await other.rawCallback(transactionID: "v-1")
            try await other.close()
            #expect(seen?.message == "visible")
            #expect(raw?.body == Array(FormURLEncoding.encode(callbackFields("v-1", message: "visible")).utf8))
        }
    }

    @Test func closedStoreGets503NeverOK() async throws {
        try await ReceiverHarness.run { harness in
            #expect(try await harness.postForm(callbackFields("c-1")).status == 200)
            try await harness.store.close()
            let reply = try await harness.postForm(callbackFields("c-2"))
            #expect(reply.status == 503)
            #expect(reply.body.contains("not stored"))
            let duplicate = try await harness.postForm(callbackFields("c-1"))
            #expect(duplicate.status == 503)
            let health = try await harness.send(.GET, "/healthz")
            #expect(health.status == 503)
            #expect(health.body.contains("the store is closed"))
            let metrics = try await harness.metricsText()
            #expect(metricValue(#"switchboard_callbacks_refused_total{reason="store"}"#, in: metrics) == 2)
            #expect(metricValue("switchboard_callbacks_accepted_total", in: metrics) == 1)
        }
    }
}
