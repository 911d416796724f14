import SwitchboardFuzzHarnesses
import SwitchboardTestSupport
import Testing

@testable import SwitchboardEngine

/// Replays every kept fuzz input (`Fuzz/Seeds`, `Fuzz/Corpus`, `Fuzz/Crashes`) through the same harness the libFuzzer
/// targets run (`Fuzz/run.sh`), so `swift test` checks the corpus without fuzzing.
@Suite struct FuzzCorpusReplayTests {
    static let harnesses: [String: @Sendable ([UInt8]) -> [String]] = [
        "callback": CallbackFuzzHarness.run,
        "tagga-xml": TaggaResponseFuzzHarness.run,
        "tagget-json": TaggetAnswerFuzzHarness.run,
        "reply-length": ReplyLengthFuzzHarness.run,
    ]

    @Test(arguments: ["callback", "tagga-xml", "tagget-json", "reply-length"])
    func replays(_ target: String) throws {
        let inputs = try FuzzInputs.all(target)
        #expect(inputs.count >= 5, "Fuzz/Seeds/\(target) and Fuzz/Corpus/\(target) hold the inputs")
        let harness = try #require(Self.harnesses[target])
        for input in inputs {
            let problems = harness(input.bytes)
            #expect(problems.isEmpty, "\(input.name): \(problems.joined(separator: "; "))")
        }
    }
}
