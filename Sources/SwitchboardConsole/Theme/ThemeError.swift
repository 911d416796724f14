import Foundation

/// Why a theme could not be loaded. Each description names the file, the key and what to do about it.
package enum ThemeError: Error, Sendable, Equatable, CustomStringConvertible {
    case missingFile(name: String, searched: [URL])
    case unreadable(file: URL, reason: String)
    case invalidTOML(file: URL, reason: String, line: Int, column: Int)
    case unknownRole(file: URL, key: String)
    case unknownColor(file: URL, key: String, value: String)
    case badModifier(file: URL, key: String, value: String)
    case badValue(file: URL, key: String, expected: String)
    case inheritsCycle(chain: [URL])
    case missingRoles(file: URL, roles: [String])

    package var description: String {
        switch self {
        case .missingFile(let name, let searched):
            if searched.isEmpty {
                return "theme file \(name) not found; check the path, or give a theme name such as \"default\""
            }
            let places = searched.map(\.path).joined(separator: ", ")
            return "theme \"\(name)\" not found (looked for \(name).toml in \(places)); "
                + "check the name, or give a path to a .toml file"
        case .unreadable(let file, let reason):
            return "cannot read theme file \(file.path): \(reason)"
        case .invalidTOML(let file, let reason, let line, let column):
            return "\(file.path):\(line):\(column): not valid TOML: \(reason)"
        case .unknownRole(let file, let key):
            return "\(file.path): unknown role \"\(key)\" (quote dotted names: \"inbox.selected\" = ...); "
                + "known roles are " + StyleRole.allCases.map(\.rawValue).joined(separator: ", ")
        case .unknownColor(let file, let key, let value):
            return "\(file.path): \(key) = \"\(value)\" is not a colour; use a [palette] name, #rrggbb, "
                + "default or one of " + ANSIColor.allCases.map(\.rawValue).joined(separator: ", ")
        case .badModifier(let file, let key, let value):
            return "\(file.path): \(key) has unknown modifier \"\(value)\"; use "
                + ThemeModifier.allCases.map(\.rawValue).joined(separator: ", ")
        case .badValue(let file, let key, let expected):
            return "\(file.path): \(key) must be \(expected)"
        case .inheritsCycle(let chain):
            return "themes inherit from each other in a cycle: "
                + chain.map(\.path).joined(separator: " -> ") + "; remove one of the inherits keys"
        case .missingRoles(let file, let roles):
            return "\(file.path): no style for " + roles.joined(separator: ", ")
                + "; define them or add inherits = \"default\""
        }
    }
}
