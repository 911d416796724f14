import Foundation
import GRDB

@testable import SwitchboardEngine

/// A fresh SQLite file per test, and callbacks to put in it.
enum StoreFixture {
    static func temporaryPath() throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "switchboard-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.appendingPathComponent("store.sqlite").path
    }

    /// A connection of its own holding the write lock of the SQLite file at `path` (as another process in the middle
    /// of a long write would) until ``release(_:)``.
    static func holdWriteLock(_ path: String) throws -> DatabaseQueue {
        var holding = Configuration()
        holding.allowsUnsafeTransactions = true  // BEGIN in one access, COMMIT in a later one
        let holder = try DatabaseQueue(path: path, configuration: holding)
        try holder.inDatabase { db in try db.execute(sql: "BEGIN IMMEDIATE") }
        return holder
    }

    static func release(_ holder: DatabaseQueue) throws {
        try holder.inDatabase { db in try db.execute(sql: "COMMIT") }
        try holder.close()
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
