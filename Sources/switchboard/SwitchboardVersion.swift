/// What `switchboard --version` prints.
enum SwitchboardVersion {
    /// The package's version: what a build without git (from a tarball) says it is. Bump it with each release tag.
    static let package = "0.13.0"

    /// `gitDescribe` is written at build time by the VersionStamp plugin (Plugins/VersionStamp).
    static let current = named(gitDescribe: gitDescribe, package: package)

    /// The described name when it starts from a tag (`v0.13.0`, `v0.13.0-4-g1a2b3c4-dirty`); with no tag reachable,
    /// `describe --always` gives only the commit, so the package version goes first (`0.13.0 (1a2b3c4-dirty)`);
    /// without git, the package version.
    static func named(gitDescribe: String?, package: String) -> String {
        guard let gitDescribe, !gitDescribe.isEmpty else { return package }
        if gitDescribe.wholeMatch(of: /[0-9a-f]{4,40}(-dirty)?/) != nil { return "\(package) (\(gitDescribe))" }
        return gitDescribe
    }
}
