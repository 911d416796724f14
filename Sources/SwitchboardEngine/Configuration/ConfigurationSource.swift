/// Which configuration file to read, and how it was chosen.
package struct ConfigurationSource: Sendable, Hashable, CustomStringConvertible {
    /// How the path was found, in the order they are tried.
    package enum Origin: Sendable, Hashable {
        /// `--config PATH`
        case commandLine
        /// `$SWITCHBOARD_CONFIG`
        case environment
        /// `$XDG_CONFIG_HOME/switchboard/config.toml`
        case xdgConfigHome
        /// `~/.config/switchboard/config.toml`
        case home
    }

    /// The file's path (it may not exist).
    package let path: String
    package let origin: Origin

    package init(path: String, origin: Origin) {
        self.path = path
        self.origin = origin
    }

    /// Whether a missing file is an error: a path someone named must exist; a missing default file means defaults.
    package var isRequired: Bool {
        origin == .commandLine || origin == .environment
    }

    package var description: String {
        switch origin {
        case .commandLine: return "\(path) (from --config)"
        case .environment: return "\(path) (from $SWITCHBOARD_CONFIG)"
        case .xdgConfigHome: return "\(path) (from $XDG_CONFIG_HOME)"
        case .home: return "\(path) (the default location)"
        }
    }
}
