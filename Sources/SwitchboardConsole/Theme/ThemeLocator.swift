import Foundation

/// Turns a theme name or path into a file. A value containing `/` or ending in `.toml` is a path (relative paths
/// are taken from `baseDirectory`, or the working directory when there is none; `~/` is the home directory);
/// anything else is a name looked up as `<dir>/<name>.toml` in each search directory in order.
enum ThemeLocator {
    static func locate(
        _ nameOrPath: String, baseDirectory: URL?, searchDirectories: [URL]
    ) throws(ThemeError) -> URL {
        let fileManager = FileManager.default
        if isPath(nameOrPath) {
            let file = pathURL(nameOrPath, baseDirectory: baseDirectory)
            guard fileManager.fileExists(atPath: file.path) else {
                throw .missingFile(name: file.path, searched: [])
            }
            return file.standardizedFileURL
        }
        for directory in searchDirectories {
            let file = directory.appendingPathComponent("\(nameOrPath).toml")
            if fileManager.fileExists(atPath: file.path) { return file.standardizedFileURL }
        }
        throw .missingFile(name: nameOrPath, searched: searchDirectories)
    }

    static func isPath(_ nameOrPath: String) -> Bool {
        nameOrPath.contains("/") || nameOrPath.hasSuffix(".toml")
    }

    private static func pathURL(_ path: String, baseDirectory: URL?) -> URL {
        if path.hasPrefix("~/") {
            let home = FileManager.default.homeDirectoryForCurrentUser
            return home.appendingPathComponent(String(path.dropFirst(2)))
        }
        if let baseDirectory {
            return URL(fileURLWithPath: path, relativeTo: baseDirectory).absoluteURL
        }
        return URL(fileURLWithPath: path)
    }
}
