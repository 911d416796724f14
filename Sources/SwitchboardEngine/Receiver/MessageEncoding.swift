import Foundation

/// How a message's bytes were turned into text.
package enum MessageEncoding: String, Sendable, Hashable, Codable, CaseIterable {
    case utf8 = "utf-8"
    /// Not valid UTF-8: decoded as Windows-1252 and flagged.
    case windows1252 = "windows-1252"
}
