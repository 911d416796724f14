/// libFuzzer's entry point for the `tagga-xml` target: the input through `TaggaResponseFuzzHarness`, a trap on any problem.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let input = start.map { Array(UnsafeRawBufferPointer(start: $0, count: count)) } ?? []
    let problems = TaggaResponseFuzzHarness.run(input)
    if !problems.isEmpty { fatalError(problems.joined(separator: "\n")) }
    return 0
}
