import Foundation

/// Reading a stored word (a state, an encoding, an outcome) back into its type. A word this version does not know is
/// an error that names the row and column, never a guess: coercing it (say, an unknown state to `pending`) could
/// offer a text for a second reply, or hide a broadcast's recipient.
package enum StoredValue {
    /// `raw` as a `Value`, or ``StoredValueError`` naming `row` and `column`.
    package static func decode<Value: RawRepresentable & CaseIterable>(
        _ raw: String, row: @autoclosure () -> String, column: String
    ) throws(StoredValueError) -> Value where Value.RawValue == String {
        guard let value = Value(rawValue: raw) else {
            throw StoredValueError(
                row: row(), column: column, value: raw, expected: Value.allCases.map(\.rawValue))
        }
        return value
    }

    /// As ``decode(_:row:column:)``, for a column that may be NULL.
    package static func decode<Value: RawRepresentable & CaseIterable>(
        _ raw: String?, row: @autoclosure () -> String, column: String
    ) throws(StoredValueError) -> Value? where Value.RawValue == String {
        guard let raw else { return nil }
        return try decode(raw, row: row(), column: column) as Value
    }

    /// A time the schema requires, or ``StoredValueError`` when the row has none.
    package static func required(_ date: Date?, row: @autoclosure () -> String, column: String)
        throws(StoredValueError) -> Date
    {
        guard let date else { throw StoredValueError(row: row(), column: column, value: nil, expected: []) }
        return date
    }
}

/// A stored value this version of Switchboard cannot read.
package struct StoredValueError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The row, as people name it: `transaction 123`, `campaign c-7k2m9qpx4d recipient 12`.
    package var row: String
    package var column: String
    /// What is stored (nil: nothing, where something is required).
    package var value: String?
    /// The values that would have been read.
    package var expected: [String]

    package var description: String {
        let found =
            value.map {
                "\(column) = \"\($0)\", which this version does not know (it knows \(expected.joined(separator: ", ")))"
            }
            ?? "no \(column), which the schema requires"
        return "the store's \(row) has \(found): it was written by a newer Switchboard or changed by hand; open it "
            + "with the version that wrote it, or correct the row"
    }
}
