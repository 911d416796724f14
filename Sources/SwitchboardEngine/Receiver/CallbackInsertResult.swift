import Foundation

/// What storing a callback came to.
package enum CallbackInsertResult: Sendable, Hashable {
    case inserted
    /// The transaction id was already stored: no second row, the first receipt time stands.
    case duplicate
}
