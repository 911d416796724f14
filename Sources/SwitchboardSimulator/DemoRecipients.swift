import Foundation

/// The demo's sample recipients file: a CSV of 150 customers with a name column for `{name}`, one number written
/// without its `+`, one that is too short, and one listed twice, so the dry run has something to report.
package enum DemoRecipients {
    package static let names = [
        "Ana", "Ben", "Chloé", "Dmitri", "Elif", "Farah", "Gus", "Hana", "Ivo", "Jun", "Kofi", "Lena", "Mateo",
        "Nia", "Omar",
    ]

    /// Writes `customers.csv` in `directory` and returns its path.
    package static func write(in directory: URL) throws -> String {
        var lines = ["phone,name"]
        for index in 0..<150 {
            let number = String(format: "+4477009%05d", 1000 + index)
            lines.append("\(number),\(names[index % names.count])")
        }
        lines[40] = "4477009041039,Pat"
        lines[90] = "+44 7700,Sam"
        lines.append("+447700901003,Chloé")
        let url = directory.appendingPathComponent("customers.csv")
        try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }
}
