import Foundation

/// One theme file as written, before `inherits` and palette names are resolved.
struct ThemeSource: Sendable {
    /// A role's entry: colours are still palette names or literals, checked when the theme is resolved.
    struct RoleEntry: Sendable {
        var foreground: String?
        var background: String?
        var modifiers: Set<ThemeModifier>
        /// The file that defined the entry, so an error names it even when another theme inherits it.
        var file: URL
    }

    var file: URL
    var inherits: String?
    var palette: [String: ThemeColor]
    var roles: [StyleRole: RoleEntry]
}
