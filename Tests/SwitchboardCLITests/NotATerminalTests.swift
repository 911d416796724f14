import Foundation
import Testing

/// The console refuses politely, before starting anything, when it has no terminal.
@Suite struct NotATerminalTests {
    @Test(arguments: [["demo"], ["console"], []])
    func refusesWithoutATerminal(_ arguments: [String]) async throws {
        let result = try await SwitchboardBinary.run(arguments)
        #expect(result.status == 2)
        #expect(result.stderr.contains("the console needs a terminal"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }
}
