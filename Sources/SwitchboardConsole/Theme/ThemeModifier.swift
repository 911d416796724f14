/// A text attribute a theme can add to a role: `modifiers = ["bold", "reverse"]`.
package enum ThemeModifier: String, Sendable, Hashable, CaseIterable {
    case bold
    case underline
    case reverse
    case dim
}
