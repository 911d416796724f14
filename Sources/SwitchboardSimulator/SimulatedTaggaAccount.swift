import Foundation
import SwitchboardEngine
import Synchronization

/// An inbound text the fake Tagga has sent out, waiting for its one reply.
package struct SimulatedTransaction: Sendable, Hashable {
    package var id: String
    package var tagg: String
    /// The texter, E.164.
    package var from: String
    package var message: String
    package var createdAt: Date
    package var reply: String?
}

/// The fake Tagga: its transactions and the rules of `/api/response/`, every return code reachable
/// (docs/provider-contract.md §5). The length and window rules are the engine's own, so both sides agree by construction.
package final class SimulatedTaggaAccount: Sendable {
    private let settings: Mutex<SimulatorSettings>
    private let transactions = Mutex<[String: SimulatedTransaction]>([:])
    private let clock: any WallClock

    package init(settings: SimulatorSettings, clock: any WallClock) {
        self.settings = Mutex(settings)
        self.clock = clock
    }

    /// Changes the account's rules (tests flip payment, block lists, allowed addresses).
    package func update(_ change: (inout SimulatorSettings) -> Void) {
        settings.withLock { change(&$0) }
    }

    /// Opens a transaction as if a texter had texted at `createdAt` (default: now); the reply window starts then.
    @discardableResult
    package func openTransaction(
        id: String, tagg: String, from: String, message: String, createdAt: Date? = nil
    ) -> SimulatedTransaction {
        let transaction = SimulatedTransaction(
            id: id, tagg: tagg, from: from, message: message, createdAt: createdAt ?? clock.now(), reply: nil)
        transactions.withLock { $0[id] = transaction }
        return transaction
    }

    /// The transaction with that id, as it stands.
    package func transaction(_ id: String) -> SimulatedTransaction? {
        transactions.withLock { $0[id] }
    }

    /// Every reply accepted so far (code 0), as (transaction id, text).
    package var acceptedReplies: [(transactionID: String, message: String)] {
        transactions.withLock { $0.values.compactMap { t in t.reply.map { (t.id, $0) } } }
    }

    /// Answers one POST to `/api/response/`.
    package func answer(formBody: [UInt8], remoteAddress: String?) -> TaggaResponse {
        let rules = settings.withLock { $0 }
        let fields = FormURLEncoding.decode(bytes: formBody) ?? []
        let value = { (name: String) -> String? in fields.first { $0.name == name }?.value }
        let transactionID = value("transaction_id")
        func respond(_ code: TaggaReturnCode) -> TaggaResponse {
            TaggaResponse(transactionID: transactionID, returnCode: code, message: Self.seedMessage(code))
        }
        if let allowed = rules.allowedReplyAddresses, !allowed.contains(remoteAddress ?? "") {
            return respond(.unknownRemoteAddress)
        }
        guard let apikey = value("apikey"), let passkey = value("passkey"), let tagg = value("tagg"),
            let transactionID, let message = value("message"), !apikey.isEmpty, !passkey.isEmpty,
            !tagg.isEmpty, !transactionID.isEmpty
        else { return respond(.incompleteCall) }
        guard apikey == rules.taggaApikey, passkey == rules.taggaPasskey else { return respond(.authenticationFailed) }
        let paid: Bool
        switch value("paid")?.uppercased() {
        case nil, "FALSE": paid = false
        case "TRUE": paid = true
        default: return respond(.invalidInput)
        }
        guard rules.taggs.contains(where: { $0.caseInsensitiveCompare(tagg) == .orderedSame }) else {
            return respond(.unknownTagg)
        }
        return transactions.withLock { all -> TaggaResponse in
            guard var transaction = all[transactionID],
                transaction.tagg.caseInsensitiveCompare(tagg) == .orderedSame
            else { return respond(.invalidTransaction) }
            let window = ReplyWindow(window: rules.replyWindow, safetyMargin: .zero)
            if transaction.reply != nil { return respond(.invalidTransaction) }
            if clock.now() > window.deadline(receivedAt: transaction.createdAt) {
                return respond(.transactionTimeout)
            }
            if rules.blockedRecipients.contains(transaction.from) { return respond(.invalidRecipient) }
            if paid && !rules.paymentRegistered { return respond(.noValidPayment) }
            if !ReplyLengthRule.evaluate(message, paid: paid).isWithinLimit { return respond(.messageLengthInvalid) }
            transaction.reply = message
            all[transactionID] = transaction
            return respond(.success)
        }
    }

    /// The seed's message text for each code.
    static func seedMessage(_ code: TaggaReturnCode) -> String {
        switch code {
        case .success: "Success - API function call successful"
        case .invalidRecipient: "Invalid Recipient - Not on allowed recipient list"
        case .authenticationFailed: "Authentication Failed - apikey and passkey not valid"
        case .incompleteCall: "Incomplete API Call - Not all required parameters passed in"
        case .messageLengthInvalid:
            "Message Length Invalid - Message text must be between 0 and 100 characters (140 if paid) for the latin "
                + "character set, and 0 and 50 (70 if paid) for all others"
        case .invalidInput: "Invalid Input - Some or all of the required parameters are invalid"
        case .unknownRemoteAddress: "Unknown Remote Address - This IP address is not allowed"
        case .unknownTagg: "Unknown tagg - Input tagg cannot be found"
        case .noValidPayment:
            "No Valid Payment Found - Campaign not created or message not sent, no valid payment found"
        case .invalidTransaction: "Invalid Transaction - Transaction does not exist or was already responded to"
        case .transactionTimeout:
            "Transaction Timeout - Developer did not respond to initial request soon enough"
        case .unrecognized(let code): "Unknown code \(code)"
        }
    }
}
