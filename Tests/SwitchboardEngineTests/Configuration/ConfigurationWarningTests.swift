import Foundation
import Testing

@testable import SwitchboardEngine

@Suite struct ConfigurationWarningTests {
    @Test func aFileOthersCanReadGetsAWarning() throws {
        let path = try ConfigurationFixture.write("[tagga]\napikey = \"perm-secret-1\"\n", mode: 0o644)
        defer { ConfigurationFixture.remove(path) }
        let result = ConfigurationLoader.load(explicitPath: path, environment: ConfigurationFixture.environment)
        #expect(result.problems.isEmpty)
        #expect(result.configuration != nil)
        #expect(result.warnings.count == 1)
        let warning = try #require(result.warnings.first)
        #expect(warning.contains("chmod 600 \(path)"))
        #expect(warning.contains("0644"))
        #expect(!warning.contains("perm-secret-1"))
    }

    @Test func aGroupReadableFileGetsAWarning() throws {
        let path = try ConfigurationFixture.write("", mode: 0o640)
        defer { ConfigurationFixture.remove(path) }
        let result = ConfigurationLoader.load(explicitPath: path, environment: ConfigurationFixture.environment)
        #expect(result.warnings.count == 1)
        #expect(result.warnings.first?.contains("its group") == true)
    }

    @Test func anOwnerOnlyFileGetsNoWarning() throws {
        let path = try ConfigurationFixture.write("[tagga]\napikey = \"perm-secret-2\"\n", mode: 0o600)
        defer { ConfigurationFixture.remove(path) }
        let result = ConfigurationLoader.load(explicitPath: path, environment: ConfigurationFixture.environment)
        #expect(result.problems.isEmpty)
        #expect(result.warnings.isEmpty)
    }
}
