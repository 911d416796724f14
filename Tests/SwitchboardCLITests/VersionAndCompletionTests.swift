import Foundation
import Testing

@testable import switchboard

/// `switchboard --version` and the completion scripts `./install` puts in place.
@Suite struct VersionAndCompletionTests {
    @Test func versionPrintsOneLineAndExitsZero() async throws {
        let result = try await SwitchboardBinary.run(["--version"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 2 && lines[1].isEmpty, "\(result.stdout)")
        #expect(lines.first.map { !$0.trimmingCharacters(in: .whitespaces).isEmpty } == true)
        #expect(result.stdout == SwitchboardVersion.current + "\n")
    }

    @Test func versionNames() {
        #expect(SwitchboardVersion.named(gitDescribe: nil, package: "0.13.0") == "0.13.0")
        #expect(SwitchboardVersion.named(gitDescribe: "", package: "0.13.0") == "0.13.0")
        #expect(SwitchboardVersion.named(gitDescribe: "v0.13.0", package: "0.13.0") == "v0.13.0")
        #expect(
            SwitchboardVersion.named(gitDescribe: "v0.13.0-4-g1a2b3c4-dirty", package: "0.13.0")
                == "v0.13.0-4-g1a2b3c4-dirty")
        #expect(SwitchboardVersion.named(gitDescribe: "fd97837", package: "0.13.0") == "0.13.0 (fd97837)")
        #expect(
            SwitchboardVersion.named(gitDescribe: "fd97837-dirty", package: "0.13.0") == "0.13.0 (fd97837-dirty)")
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func completionScript(_ shell: String) async throws {
        let result = try await SwitchboardBinary.run(["--generate-completion-script", shell])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("switchboard"))
        for subcommand in ["console", "serve", "reply", "prune"] {
            #expect(result.stdout.contains(subcommand), "\(shell) completion without \(subcommand)")
        }
    }
}
