import Foundation
import SwitchboardText

/// Where commands write: diagnostics to stderr, results to stdout, untrusted text always sanitized.
package enum Terminal {
    package static func error(_ text: String) {
        FileHandle.standardError.write(Data("error: \(TextSanitizer.lineSafe(text))\n".utf8))
    }

    package static func warn(_ text: String) {
        FileHandle.standardError.write(Data("warning: \(TextSanitizer.lineSafe(text))\n".utf8))
    }

    package static func note(_ text: String) {
        FileHandle.standardError.write(Data("\(text)\n".utf8))
    }

    package static func output(_ text: String) {
        FileHandle.standardOutput.write(Data("\(text)\n".utf8))
    }

    /// One JSON document on stdout, keys sorted.
    package static func json(_ value: JSONValue) {
        var out: [UInt8] = []
        value.write(into: &out)
        out.append(0x0A)
        FileHandle.standardOutput.write(Data(out))
    }

    /// Many JSON values on stdout, written in chunks as they are produced: a JSON array, or JSONL (one per line).
    package static func jsonStream<S: Sequence>(
        _ values: S, asArray: Bool, _ transform: (S.Element) throws -> JSONValue
    )
        rethrows
    {
        try JSONLines.write(values, asArray: asArray, to: { FileHandle.standardOutput.write($0) }, transform)
    }
}
