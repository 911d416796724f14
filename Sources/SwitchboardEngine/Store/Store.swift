import Foundation

/// The only door to persistence, as one whole: every role below. SQLite is the embedded implementation; a shared
/// PostgreSQL one follows the same contract, so callers never know which they have. Callers take only the roles
/// they use (the receiver ``CallbackStore`` and ``StoreConnection``, the reply service ``InboxReader`` and
/// ``ReplyJournal``, a broadcast ``CampaignStore``, ...); whoever opens a store holds it whole.
package protocol Store:
    CallbackStore, StoreConnection, InboxReader, ReplyJournal, PresenceStore, CampaignStore, RetentionStore,
    SearchIndexStore
{}

/// Which transactions to list.
package struct TransactionQuery: Sendable, Hashable {
    /// Only transactions in these stored states (nil: all).
    package var states: Set<TransactionState>?
    /// Only transactions received at or after this time.
    package var receivedSince: Date?
    package var limit: Int?

    package init(states: Set<TransactionState>? = nil, receivedSince: Date? = nil, limit: Int? = nil) {
        self.states = states
        self.receivedSince = receivedSince
        self.limit = limit
    }

    /// Everything.
    package static let all = TransactionQuery()

    /// Pending and in-flight transactions received inside the window that ends now.
    package static func open(now: Date, window: ReplyWindow) -> TransactionQuery {
        TransactionQuery(
            states: [.pending, .replying], receivedSince: now.addingTimeInterval(-window.window.timeInterval))
    }
}

/// Figures for `/metrics`.
package struct StoreStatistics: Sendable, Hashable {
    /// Pending or in-flight transactions whose window is still open.
    package var openTransactions: Int
    /// Reply attempts by return code ("unknown" for attempts without one).
    package var repliesByReturnCode: [String: Int]

    package init(openTransactions: Int, repliesByReturnCode: [String: Int]) {
        self.openTransactions = openTransactions
        self.repliesByReturnCode = repliesByReturnCode
    }
}

/// What a claim came to.
package enum ClaimResult: Sendable, Hashable {
    case claimed(ReplyClaim)
    /// No such transaction.
    case notFound
    /// Someone else's reply is in flight.
    case inFlight(ReplyClaim)
    /// Already replied, rejected, closed or expired.
    case final(TransactionState)
}

/// An attempt about to be POSTed.
package struct NewReplyAttempt: Sendable, Hashable {
    package var transactionID: String
    package var token: String
    package var operatorName: String
    package var message: String
    package var paid: Bool
    package var requestBody: String
    package var startedAt: Date
    /// The claim's lease is renewed to this, so an attempt never outlives it.
    package var leaseUntil: Date

    package init(
        transactionID: String, token: String, operatorName: String, message: String, paid: Bool, requestBody: String,
        startedAt: Date, leaseUntil: Date
    ) {
        self.transactionID = transactionID
        self.token = token
        self.operatorName = operatorName
        self.message = message
        self.paid = paid
        self.requestBody = requestBody
        self.startedAt = startedAt
        self.leaseUntil = leaseUntil
    }
}

/// What changed in the store: ids only; readers re-read what they need.
package enum StoreChange: Sendable, Hashable {
    case inserted([String])
    case updated(String)
    /// Another process changed the store; re-read everything shown.
    case external
}

/// Why a store call failed.
package enum StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The claim was lost (lease expired and taken over) before this write.
    case claimLost(transactionID: String)
    /// The store could not be opened or used.
    case unavailable(String)
    /// Another runner took the campaign over (this one's lease ran out) before this write.
    case campaignLost(id: String)
    /// The campaign is being run by another process, or does not exist, so it cannot be changed now.
    case campaignBusy(id: String, reason: String)
    /// The store is durable only with synchronous=FULL, and the database would not keep it.
    case notDurable(String)

    package var description: String {
        switch self {
        case .claimLost(let id): "the claim on transaction \(id) was lost to another process"
        case .unavailable(let reason): "the store is unavailable: \(reason)"
        case .campaignLost(let id): "campaign \(id) was taken over by another process; this one stopped sending"
        case .campaignBusy(let id, let reason): "campaign \(id) cannot be changed now: \(reason)"
        case .notDurable(let reason): "the store cannot commit durably: \(reason)"
        }
    }
}
