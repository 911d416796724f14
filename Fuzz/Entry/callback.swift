/// libFuzzer's entry point for the `callback` target: the input through `CallbackFuzzHarness`, a trap on any problem.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let input = start.map { Array(UnsafeRawBufferPointer(start: $0, count: count)) } ?? []
    let problems = CallbackFuzzHarness.run(input)
    if !problems.isEmpty { fatalError(problems.joined(separator: "\n")) }
    return 0
}
