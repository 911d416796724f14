import Foundation

@testable import SwitchboardEngine

/// A fresh SQLite file per test, and callbacks to put in it.
enum StoreFixture {
    static func temporaryPath() throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "switchboard-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.appendingPathComponent("store.sqlite").path
    }

    static func callback(
        _ id: String, tagg: String = "HELP", message: String = "Where is my order?", at date: Date
    ) -> InboundCallback {
        let body = FormURLEncoding.encode([("transaction_id", id), ("tagg", tagg), ("message", message)])
        return InboundCallback(
            transactionID: id, tagg: tagg, message: message, encoding: .utf8, taggKnown: true, receivedAt: date,
            raw: RawCallbackRequest(
                method: "POST", target: "/tagga", contentType: "application/x-www-form-urlencoded",
                remoteAddress: "127.0.0.1", body: Array(body.utf8)))
    }
}
