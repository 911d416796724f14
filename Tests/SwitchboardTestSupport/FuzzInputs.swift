import Foundation

/// The inputs of one fuzz target kept in the repository: the hand-written seeds, the corpus the fuzzers grew, and
/// the inputs that once crashed (each a regression test once fixed).
package enum FuzzInputs {
    /// `Fuzz/` at the top of the package.
    package static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fuzz")

    /// Every input of `target` (under `Fuzz/Seeds`, `Fuzz/Corpus` and `Fuzz/Crashes`), by path relative to `Fuzz/`.
    package static func all(_ target: String) throws -> [(name: String, bytes: [UInt8])] {
        var inputs: [(name: String, bytes: [UInt8])] = []
        for folder in ["Seeds", "Corpus", "Crashes"] {
            let directory = root.appendingPathComponent(folder).appendingPathComponent(target)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            for name in names.sorted() where !name.hasPrefix(".") {
                let bytes = try Data(contentsOf: directory.appendingPathComponent(name))
                inputs.append(("\(folder)/\(target)/\(name)", Array(bytes)))
            }
        }
        return inputs
    }
}
