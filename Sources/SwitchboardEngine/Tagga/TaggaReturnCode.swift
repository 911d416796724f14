/// A Tagga return code (docs/provider-contract.md §2), with what it means, what it does to the transaction and what to do next.
package enum TaggaReturnCode: Sendable, Hashable, CustomStringConvertible {
    case success
    case invalidRecipient
    case authenticationFailed
    case incompleteCall
    case messageLengthInvalid
    case invalidInput
    case unknownRemoteAddress
    case unknownTagg
    case noValidPayment
    case invalidTransaction
    case transactionTimeout
    /// A code the seed does not document; kept raw.
    case unrecognized(Int)

    /// Every documented code, in the seed's order.
    package static let documented: [TaggaReturnCode] = [
        .success, .invalidRecipient, .authenticationFailed, .incompleteCall, .messageLengthInvalid, .invalidInput,
        .unknownRemoteAddress, .unknownTagg, .noValidPayment, .invalidTransaction, .transactionTimeout,
    ]

    package init(code: Int) {
        self = Self.documented.first { $0.code == code } ?? .unrecognized(code)
    }

    /// The number on the wire.
    package var code: Int {
        switch self {
        case .success: 0
        case .invalidRecipient: 1
        case .authenticationFailed: 2
        case .incompleteCall: 3
        case .messageLengthInvalid: 5
        case .invalidInput: 6
        case .unknownRemoteAddress: 7
        case .unknownTagg: 8
        case .noValidPayment: 18
        case .invalidTransaction: 19
        case .transactionTimeout: 20
        case .unrecognized(let code): code
        }
    }

    /// The seed's own text for the code.
    package var title: String {
        switch self {
        case .success: "Success"
        case .invalidRecipient: "Invalid Recipient"
        case .authenticationFailed: "Authentication Failed"
        case .incompleteCall: "Incomplete API Call"
        case .messageLengthInvalid: "Message Length Invalid"
        case .invalidInput: "Invalid Input"
        case .unknownRemoteAddress: "Unknown Remote Address"
        case .unknownTagg: "Unknown tagg"
        case .noValidPayment: "No Valid Payment Found"
        case .invalidTransaction: "Invalid Transaction"
        case .transactionTimeout: "Transaction Timeout"
        case .unrecognized: "Unknown return code"
        }
    }

    /// How the code is to be treated.
    package var codeClass: TaggaCodeClass {
        switch self {
        case .success: .done
        case .invalidRecipient: .rejected
        case .authenticationFailed, .incompleteCall, .unknownRemoteAddress, .unknownTagg: .configuration
        case .messageLengthInvalid, .invalidInput, .noValidPayment: .fixable
        case .invalidTransaction, .transactionTimeout: .final
        case .unrecognized: .unknown
        }
    }

    /// One line, for a person: what happened.
    package var explanation: String {
        switch self {
        case .success: "Tagga accepted the reply; it is on its way to the texter."
        case .invalidRecipient: "Tagga refused: the texter is not on the allowed recipient list."
        case .authenticationFailed: "Tagga refused the apikey/passkey pair."
        case .incompleteCall: "Tagga says a required field was missing from the reply."
        case .messageLengthInvalid: "Tagga says the reply is too long for its character set."
        case .invalidInput: "Tagga says some field of the reply is invalid."
        case .unknownRemoteAddress: "Tagga refused this machine's IP address."
        case .unknownTagg: "Tagga does not know this tagg for the account."
        case .noValidPayment: "Tagga found no valid payment for a paid reply."
        case .invalidTransaction: "Tagga says the transaction does not exist or was already answered."
        case .transactionTimeout: "Tagga says the 30-minute reply window has passed."
        case .unrecognized(let code): "Tagga answered with return code \(code), which its documentation does not list."
        }
    }

    /// One line, for a person: what to do now.
    package var nextStep: String {
        switch self {
        case .success: "Nothing: the text is answered."
        case .invalidRecipient: "Nothing can be sent to this texter; the text is closed as rejected."
        case .authenticationFailed:
            "Check tagga.apikey and tagga.passkey (or SWITCHBOARD_TAGGA_APIKEY/PASSKEY), then send again."
        case .incompleteCall: "Check that the tagg and transaction id are set, then send again."
        case .messageLengthInvalid: "Shorten the reply or replace the characters that force \"other\", then send again."
        case .invalidInput: "Check the reply's fields (paid must be TRUE or FALSE), then send again."
        case .unknownRemoteAddress: "Ask Tagga to allow this machine's address, or send from an allowed one."
        case .unknownTagg: "Add the tagg to the Tagga account (and to tagga.taggs), then send again."
        case .noValidPayment: "Send it unpaid (within the unpaid length), or register a payment at Tagga."
        case .invalidTransaction: "Nothing: the transaction is closed."
        case .transactionTimeout: "Nothing: the text has expired and can no longer be answered."
        case .unrecognized: "The text stays pending; read the provider's message and try again."
        }
    }

    /// "20 Transaction Timeout".
    package var description: String { "\(code) \(title)" }
}

/// The classes of docs/provider-contract.md §2's return-code table.
package enum TaggaCodeClass: String, Sendable, Hashable {
    /// The reply went through.
    case done
    /// The provider will never deliver to this texter.
    case rejected
    /// The account or machine is misconfigured; the transaction stays pending.
    case configuration
    /// The reply itself must change; the transaction stays pending.
    case fixable
    /// The transaction is over.
    case final
    /// Not documented; the transaction stays pending.
    case unknown
}
