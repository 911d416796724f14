import Foundation

/// Asks on the terminal (not stdin or stderr, which may be redirected) to type the recipient count.
package enum Confirmation {
    package static func typedCount(_ count: Int, summary: [String]) -> Bool {
        guard let tty = FileHandle(forUpdatingAtPath: "/dev/tty") else { return false }
        let prompt =
            summary.joined(separator: "\n")
            + "\nThis texts \(count) people. Type \(count) to send, anything else cancels: "
        tty.write(Data(prompt.utf8))
        var line: [UInt8] = []
        while let byte = try? tty.read(upToCount: 1), let first = byte.first, first != 0x0A { line.append(first) }
        return String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespaces) == String(count)
    }
}
