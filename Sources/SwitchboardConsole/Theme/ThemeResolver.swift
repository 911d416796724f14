import Foundation

/// Follows a theme's `inherits` chain and resolves it into a complete `Theme`.
///
/// Inheritance: the child's palette entries replace the parent's by name, and a role the child defines replaces
/// the parent's entry for that role as a whole (fg, bg and modifiers together). Palette names are resolved after
/// merging, so a child that only changes `[palette]` recolours every role its parent defined with those names.
/// An inherited name is looked up first next to the inheriting file, then in the search directories.
///
/// Fallback: there is none. After inheritance every role must have an entry, or loading fails with
/// `ThemeError.missingRoles` listing them; a theme without `inherits` therefore spells out every role. This keeps
/// each shipped theme's look explicit, and the shipped-theme test fails as soon as a new `StyleRole` is added
/// without a style in `default.toml` (and in the other themes that do not inherit it).
enum ThemeResolver {
    static func resolve(file: URL, searchDirectories: [URL]) throws(ThemeError) -> Theme {
        let chain = try loadChain(file: file, searchDirectories: searchDirectories)
        var palette: [String: ThemeColor] = [:]
        var entries: [StyleRole: ThemeSource.RoleEntry] = [:]
        for source in chain.reversed() {
            palette.merge(source.palette) { _, child in child }
            entries.merge(source.roles) { _, child in child }
        }

        let missing = StyleRole.allCases.filter { entries[$0] == nil }.map(\.rawValue)
        guard missing.isEmpty else { throw .missingRoles(file: file, roles: missing) }

        var styles: [StyleRole: ThemeStyle] = [:]
        for (role, entry) in entries {
            styles[role] = try style(entry, role: role, palette: palette)
        }
        let name = file.deletingPathExtension().lastPathComponent
        return Theme(name: name) { styles[$0] ?? ThemeStyle() }
    }

    /// The file and its ancestors, child first.
    private static func loadChain(file: URL, searchDirectories: [URL]) throws(ThemeError) -> [ThemeSource] {
        var chain: [ThemeSource] = []
        var next: URL? = file
        while let current = next {
            let identity = current.resolvingSymlinksInPath().standardizedFileURL
            let visited = chain.map { $0.file.resolvingSymlinksInPath().standardizedFileURL }
            if visited.contains(identity) {
                throw .inheritsCycle(chain: chain.map(\.file) + [current])
            }
            let source = try ThemeFileParser.parse(read(current), file: current)
            chain.append(source)
            guard let parent = source.inherits else { break }
            let directory = current.deletingLastPathComponent()
            next = try ThemeLocator.locate(
                parent, baseDirectory: directory, searchDirectories: [directory] + searchDirectories)
        }
        return chain
    }

    private static func read(_ file: URL) throws(ThemeError) -> String {
        do {
            return try String(contentsOf: file, encoding: .utf8)
        } catch {
            throw .unreadable(file: file, reason: error.localizedDescription)
        }
    }

    private static func style(
        _ entry: ThemeSource.RoleEntry, role: StyleRole, palette: [String: ThemeColor]
    ) throws(ThemeError) -> ThemeStyle {
        func color(_ text: String?, field: String) throws(ThemeError) -> ThemeColor {
            guard let text else { return .terminalDefault }
            if let named = palette[text] { return named }
            if let literal = ThemeColor(literal: text) { return literal }
            throw .unknownColor(file: entry.file, key: "\(role.rawValue).\(field)", value: text)
        }
        return ThemeStyle(
            foreground: try color(entry.foreground, field: "fg"), background: try color(entry.background, field: "bg"),
            modifiers: entry.modifiers)
    }
}
