import Foundation
import TOMLKit

/// Reads a theme file: `inherits = "name"`, a `[palette]` table of literal colours, and role entries written as
/// `"role" = { fg = "...", bg = "...", modifiers = [...] }` or the shorthand `"role" = "fg-colour"`.
enum ThemeFileParser {
    static func parse(_ text: String, file: URL) throws(ThemeError) -> ThemeSource {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw .invalidTOML(
                file: file, reason: error.description, line: error.source.begin.line,
                column: error.source.begin.column)
        } catch {
            throw .invalidTOML(file: file, reason: "\(error)", line: 0, column: 0)
        }

        var source = ThemeSource(file: file, inherits: nil, palette: [:], roles: [:])
        for key in table.keys.sorted() {
            guard let value = table[key] else { continue }
            switch key {
            case "inherits":
                guard let name = value.string else { throw .badValue(file: file, key: key, expected: "a string") }
                source.inherits = name
            case "palette":
                source.palette = try parsePalette(value, file: file)
            default:
                guard let role = StyleRole(rawValue: key) else { throw .unknownRole(file: file, key: key) }
                source.roles[role] = try parseRole(value, key: key, file: file)
            }
        }
        return source
    }

    private static func parsePalette(
        _ value: TOMLValueConvertible, file: URL
    ) throws(ThemeError) -> [String: ThemeColor] {
        guard let table = value.table else {
            throw .badValue(file: file, key: "palette", expected: "a table of name = \"#rrggbb\" entries")
        }
        var palette: [String: ThemeColor] = [:]
        for name in table.keys.sorted() {
            let key = "palette.\(name)"
            guard let text = table[name]?.string else {
                throw .badValue(file: file, key: key, expected: "a colour string such as \"#5f87af\"")
            }
            guard let color = ThemeColor(literal: text) else {
                throw .unknownColor(file: file, key: key, value: text)
            }
            palette[name] = color
        }
        return palette
    }

    private static func parseRole(
        _ value: TOMLValueConvertible, key: String, file: URL
    ) throws(ThemeError) -> ThemeSource.RoleEntry {
        var entry = ThemeSource.RoleEntry(foreground: nil, background: nil, modifiers: [], file: file)
        if let foreground = value.string {
            entry.foreground = foreground
            return entry
        }
        guard let table = value.table else {
            throw .badValue(file: file, key: key, expected: "a colour or a table like { fg = \"...\", bg = \"...\" }")
        }
        for field in table.keys.sorted() {
            guard let fieldValue = table[field] else { continue }
            let fieldKey = "\(key).\(field)"
            switch field {
            case "fg", "bg":
                guard let color = fieldValue.string else {
                    throw .badValue(file: file, key: fieldKey, expected: "a colour string")
                }
                if field == "fg" { entry.foreground = color } else { entry.background = color }
            case "modifiers":
                entry.modifiers = try parseModifiers(fieldValue, key: fieldKey, file: file)
            default:
                throw .badValue(file: file, key: fieldKey, expected: "one of fg, bg, modifiers (not \"\(field)\")")
            }
        }
        return entry
    }

    private static func parseModifiers(
        _ value: TOMLValueConvertible, key: String, file: URL
    ) throws(ThemeError) -> Set<ThemeModifier> {
        guard let array = value.array else {
            throw .badValue(file: file, key: key, expected: "a list such as [\"bold\", \"reverse\"]")
        }
        var modifiers: Set<ThemeModifier> = []
        for element in array {
            guard let name = element.string else {
                throw .badValue(file: file, key: key, expected: "a list of strings such as [\"bold\"]")
            }
            guard let modifier = ThemeModifier(rawValue: name) else {
                throw .badModifier(file: file, key: key, value: name)
            }
            modifiers.insert(modifier)
        }
        return modifiers
    }
}
