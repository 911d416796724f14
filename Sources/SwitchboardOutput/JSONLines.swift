import Foundation

/// Many JSON values written out in chunks as they are produced: a JSON array, or JSON lines (one value per line).
/// Shared by everything that streams JSON: stdout (`pending --json`, `export`) and files (`prune --export`).
package enum JSONLines {
    /// Writes `values` through `sink`, a chunk of about 64 KiB at a time (the last one may be empty).
    package static func write<S: Sequence>(
        _ values: S, asArray: Bool, to sink: (Data) throws -> Void, _ transform: (S.Element) throws -> JSONValue
    ) rethrows {
        var buffer: [UInt8] = asArray ? [UInt8(ascii: "[")] : []
        buffer.reserveCapacity(1 << 17)
        var first = true
        for element in values {
            if asArray && !first { buffer.append(UInt8(ascii: ",")) }
            first = false
            try transform(element).write(into: &buffer)
            if !asArray { buffer.append(0x0A) }
            if buffer.count > 1 << 16 {
                try sink(Data(buffer))
                buffer.removeAll(keepingCapacity: true)
            }
        }
        if asArray { buffer.append(contentsOf: [UInt8(ascii: "]"), 0x0A]) }
        try sink(Data(buffer))
    }
}
