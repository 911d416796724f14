/// A credential: an API key, a passkey, a token or a path secret.
///
/// Its `description`, `debugDescription` and reflection never show the value, so a `Secret` can be printed,
/// logged, interpolated or dumped without leaking it. Only ``reveal()`` gives the raw text, for the HTTP layer.
package struct Secret: Sendable, Hashable {
    private let value: String

    package init(_ value: String) {
        self.value = value
    }

    /// An empty secret: "not configured".
    package static let empty = Secret("")

    /// Whether a value was given at all.
    package var isEmpty: Bool { value.isEmpty }

    /// The raw value. Only the code that puts it on the wire should call this.
    package func reveal() -> String { value }
}

extension Secret: CustomStringConvertible, CustomDebugStringConvertible {
    package var description: String { value.isEmpty ? "(empty)" : "•••• (set)" }
    package var debugDescription: String { "Secret(\(description))" }
}

extension Secret: CustomReflectable {
    package var customMirror: Mirror {
        Mirror(self, children: ["value": description], displayStyle: .struct)
    }
}
