import TOMLKit

extension ConfigurationReader {
    /// Reports every table and key the schema does not know, with a suggestion, and every known table that is
    /// not a table.
    mutating func checkTablesAndKeys(of root: TOMLTable) {
        let tableNames = ConfigurationSchema.tables.map(\.name)
        for name in root.keys {
            guard let keys = ConfigurationSchema.keys(of: name) else {
                reportUnknownTopLevel(name, value: root[name], tableNames: tableNames)
                continue
            }
            guard let value = root[name] else { continue }
            guard let table = value.table else {
                reportType(name, expected: "a table, written as a [\(name)] header", value: value)
                continue
            }
            for key in table.keys where !keys.contains(key) {
                reportUnknownKey(key, in: name, keys: keys)
            }
        }
    }

    private mutating func reportUnknownTopLevel(_ name: String, value: TOMLValueConvertible?, tableNames: [String]) {
        let isTable = value?.table != nil
        let what = isTable ? "unknown table [\(name)]" : "unknown key \"\(name)\" at the top of the file"
        if let table = NameSuggestion.closest(to: name, among: tableNames) {
            report(name, "\(what); did you mean [\(table)]?")
        } else if !isTable, let (table, key) = Self.closestElsewhere(to: name, except: nil) {
            report(name, "\(what); did you mean \(table).\(key)? It belongs under [\(table)]")
        } else {
            report(name, "\(what); the tables are \(tableNames.map { "[\($0)]" }.joined(separator: ", "))")
        }
    }

    private mutating func reportUnknownKey(_ key: String, in table: String, keys: [String]) {
        let path = "\(table).\(key)"
        let what = "unknown key \"\(key)\" in [\(table)]"
        if let suggestion = NameSuggestion.closest(to: key, among: keys) {
            report(path, "\(what); did you mean \"\(suggestion)\"?")
        } else if let (other, suggestion) = Self.closestElsewhere(to: key, except: table) {
            report(path, "\(what); did you mean \(other).\(suggestion)? It belongs under [\(other)]")
        } else {
            report(path, "\(what); the keys of [\(table)] are \(keys.joined(separator: ", "))")
        }
    }

    /// The key of another table that `key` most likely meant: an exact name first, then a near miss.
    private static func closestElsewhere(to key: String, except table: String?) -> (table: String, key: String)? {
        if let exact = ConfigurationSchema.tables(having: key, except: table).first {
            return (exact, key)
        }
        for (name, keys) in ConfigurationSchema.tables where name != table {
            if let suggestion = NameSuggestion.closest(to: key, among: keys) {
                return (name, suggestion)
            }
        }
        return nil
    }
}
