import SwitchboardFuzzHarnesses
import SwitchboardTestSupport
import Testing

@testable import SwitchboardConsole

/// Replays every kept fuzz input of the sanitizer (`Fuzz/Seeds`, `Fuzz/Corpus`, `Fuzz/Crashes`) through the same
/// harness the libFuzzer target runs (`Fuzz/run.sh`).
@Suite struct SanitizerCorpusReplayTests {
    @Test func replaysTheSanitizerCorpus() throws {
        let inputs = try FuzzInputs.all("sanitizer")
        #expect(inputs.count >= 5, "Fuzz/Seeds/sanitizer and Fuzz/Corpus/sanitizer hold the inputs")
        for input in inputs {
            let problems = SanitizerFuzzHarness.run(input.bytes)
            #expect(problems.isEmpty, "\(input.name): \(problems.joined(separator: "; "))")
        }
    }
}
